"""Every user-facing text, in English: mirrors :mod:`gebiedsplanner.i18n.texts` name for name.

Domain words stay the users' own (gebied, couleur locale, gebiedsopdracht,
taakstelling, envelope, stedelijk). What files store is not here but in
:mod:`gebiedsplanner.core.log_words`: the same in every language.
"""

from __future__ import annotations

# -- posts and actions ---------------------------------------------------------
#: Domain words: the same in English.
POST_LABELS = {
    "couleur_locale": "couleur locale",
    "gebiedsopdracht": "gebiedsopdracht",
    "taakstelling": "taakstelling",
}

#: The change log's action codes (files store the code) in the users' words.
ACTION_LABELS = {
    "edit": "edit",
    "move": "move",
    "undo": "undone",
    "redo": "redone",
    "distribute": "distribution",
    "fit": "fit to envelope",
    "couleur-locale": "couleur locale raised",
    "copy-year": "year copied",
    "note": "remark",
}

# -- amounts typed by users ----------------------------------------------------
AMOUNT_EMPTY = "Type an amount, for example 250.000, +25.000 or -10%."
AMOUNT_NO_CENTS = "Whole euros only: leave out the cents (250.000 instead of 250.000,50)."
AMOUNT_BAD_GROUPING = "'{text}' is not an amount: use the dot only to group thousands (250.000)."
#: Said wherever an amount of whole euros is read; the edit line, a move and a tool's
#: amount each say what else they take (every example given is taken there).
AMOUNT_EMPTY_WHOLE = "Type an amount in whole euros, for example 250.000."
AMOUNT_NOT_A_NUMBER = "'{text}' is not an amount. Examples: 250.000, 250000."
AMOUNT_ENTRY_NOT_A_NUMBER = "'{text}' is not an amount. Examples: 250.000, +25.000, -25.000, -10%."
#: Without the examples: for a line too narrow for them (the notification shows them).
AMOUNT_ENTRY_NOT_A_NUMBER_SHORT = "'{text}' is not an amount."
AMOUNT_ENTRY_NOT_A_NUMBER_SHORTEST = "not an amount"
AMOUNT_NOT_NEGATIVE = "'{text}': no negative amount here. Examples: 250.000, 250000."
AMOUNT_NO_PERCENT = (
    "'{text}': an amount in whole euros belongs here, not a percentage. Examples: 250.000, 250000."
)
AMOUNT_TOO_LARGE = "amount larger than {limit} euros: that is almost certainly a typo"
AMOUNT_BAD_PERCENT = "'{text}' is not a percentage. Examples: -10%, +2,5%."
AMOUNT_BAD_PERCENT_SHORT = "'{text}' is not a percentage."
AMOUNT_BAD_PERCENT_SHORTEST = "not a percentage"
AMOUNT_PERCENT_NEEDS_SIGN = "Give a percentage a + or -: -10% or +5%."
AMOUNT_NEGATIVE = "{post} cannot be negative"
TAAKSTELLING_POSITIVE = "a taakstelling is a budget cut and cannot be positive"
#: A gebied's note (``o``, the scenario file's ``notitie``) that cannot be.
NOTE_TOO_LONG = "a remark may be at most {limit} characters long; this one has {length}"
NOTE_CONTROL_CHARACTER = "a remark cannot hold a control character ({char})"

# -- edits ---------------------------------------------------------------------
MOVE_AMOUNT_POSITIVE = "The amount to move must be greater than 0."
MOVE_AMOUNT_EMPTY = (
    "Type how much: an amount, such as 25.000, or a percentage of the from-cell,"
    " such as 10%."
)
MOVE_AMOUNT_NOT_A_NUMBER = (
    "'{text}' is not an amount to move. Examples: 25.000, 25000, +25.000,"
    " or a percentage of the from-cell: 10%, 12,5%."
)
MOVE_AMOUNT_NEGATIVE = (
    "'{text}': a move always goes from the from-cell to the to-cell. Give a positive"
    " amount (25.000) or percentage (10%), or swap from and to."
)
MOVE_PERCENT_NOTHING = (
    "'{percent}' of {amount} (the from-cell) gives no amount to move; give an amount,"
    " such as 25.000."
)
MOVE_PERCENT_OF = "{percent} of {whole} = {amount}"
MOVE_SAME_YEAR = "You can only move an amount within the same year."
MOVE_SAME_CELL = "From and to are the same post: choose a different destination."
UNKNOWN_GEBIED = "Unknown gebied '{name}'."
UNKNOWN_POST = "Unknown post '{post}' for {owner}; known: {known}."
UNKNOWN_YEAR = "Unknown year {year}; this scenario has {years}."
DID_YOU_MEAN = " Did you mean '{name}'?"
NOT_EDITABLE_NET = (
    "Net is calculated (couleur locale + gebiedsopdracht + taakstelling): change a post."
)
BAD_ADDRESS = (
    "'{text}' is not a cell: write GEBIED/POST/JAAR (JAAR is the year), for example"
    " Charlois/couleur_locale/2017."
)

# -- planning tools (distribute, fit, couleur locale, copy a year) -----------------
#: A tool's parameters in words, heading its preview. In Dutch exactly what the change
#: log stores (each tool's LOG_WORDS: the file's words, whatever the screen's language).
KEY_WORDS = {"begroting": "by budget", "inwoners": "by inhabitants", "gelijk": "equally"}
REASON_DISTRIBUTE = "distribute taakstelling {year} {key}"
REASON_FIT = "fit {year} to the envelope through {post}"
REASON_RAISE = "couleur locale {year} to at least {share} of the net budget"
REASON_COPY = "year {source} copied to {target}, index {index}"
REASON_ALL = ", all again"
REASON_HOLD = ", held: {names}"
REASON_FLOOR = ", floor {floor}"
REASON_UNIT = ", per {unit}"
REASON_USER = "; {reason}"
KEY_LABELS = {"begroting": "by budget", "inwoners": "by inhabitants", "gelijk": "equally"}
# The tools' reasons go into the change log of the shared scenario file.
FIGURE_TAAKSTELLING = "taakstelling {year}"
FIGURE_POST = "{post} {year}"
FIGURE_NET = "net {year}"
CHECK_EXACT = "Check: {left} = {right}: correct to the euro."
CHECK_WRONG = "Check: {left} ≠ {right}: does NOT add up; nothing will be changed."
CHECK_DISTRIBUTE = ("distributed taakstelling {total}", "imposed {imposed}")
CHECK_FIT = ("planned {planned}", "envelope {envelope}")
CHECK_RAISE = ("net of all gebieden after {after}", "before {before}")
CHECK_COPY_LEFT = "{target} becomes {total}"
CHECK_COPY_RIGHT = "{source} × {factor}"
CHECK_COPY_ROUNDED = (
    "Check: {target} becomes {total}; {source} × {factor} is {exact}; the difference comes from"
    " rounding to whole euros per cell ({cells} cells, each at most 0,50)."
)
NOTE_HELD = "Held (unchanged): {names}."
NOTE_FLOOR = (
    "Cut down to the floor of {floor} net: {names}; what they could not carry went to the"
    " other gebieden ({key})."
)
NOTE_UNDER_FLOOR = "Already below the floor of {floor} net, so not cut: {names}."
NOTE_ZERO_FLOOR = (
    "Cut down to net 0 (without a floor, a gebied does not go below 0): {names}; the rest went"
    " to the other gebieden ({key})."
)
NOTE_UNDER_ZERO = "Net already 0 or less, so not cut: {names}."
NOTE_BACK_TO_ZERO = "Taakstelling back to 0: {names}; the rest went to the other gebieden ({key})."
NOTE_POST_TO_ZERO = "{post} down to 0: {names}; the rest went to the other gebieden."
NOTE_EXTRA = "The loose euros from rounding (largest remainder, equal remainders by name): {names}."
NOTE_EXTRA_UNIT = (
    "Distributed in multiples of {unit}; what was left (largest remainder, equal remainders"
    " by name) went to: {names}."
)
NOTE_NOTHING_TO_DO = "Nothing to do: {why}"
WHY_DISTRIBUTED = "the taakstelling of {year} is already distributed exactly."
WHY_FITS = "{year} already matches the envelope exactly."
WHY_SHARE_MET = "every gebied already has at least {share} couleur locale."
WHY_SAME_YEAR = "{target} already equals {source} × {factor}."
NOTE_SHARE_MET = "Already at least {share}, unchanged: {count} gebieden."
NOTE_COPY_SCOPE = (
    "The envelope and the imposed taakstelling of {target} stay as they are ({envelope} and"
    " {imposed}): after applying, check the room and what is still to distribute."
)
NOTE_NO_NET = "No net budget, skipped: {names}."
NAMES_MORE = "{names} and {count} more"
TOOL_ALL_HELD = "All gebieden are held: there is no one left to distribute {amount} over."
TOOL_SHORT_FLOOR = (
    "That does not fit: with this floor and these held gebieden, the distribution is {short} short."
)
TOOL_SHORT_BACK = (
    "That does not fit: {short} of taakstelling cannot go back. A taakstelling does not go"
    " above 0, and a gebied that weighs 0 in the key ({key}) gets nothing back; try a different"
    " key (equally)."
)
TOOL_SHORT_POST = "That does not fit: {post} cannot go below 0; it is {short} short."
TOOL_SHORT_OPDRACHT = (
    "That does not fit: the gebiedsopdracht is too small in {names}; {short} short in total."
)
TOOL_NO_BASIS = "Cannot distribute {key}: all gebieden have 0."
TOOL_NO_BASIS_POST = "Cannot distribute in proportion: {post} is 0 everywhere."
TOOL_NO_INWONERS = (
    "No inhabitants (inwoners) given for: {names}. Choose a different key or fill them in."
)
TOOL_BAD_UNIT = "The unit must be a whole amount of at least 1 euro."
TOOL_SAME_YEAR = "The from and to years are the same: choose two different years."
TOOL_BAD_INDEX = "An index of {index} makes everything 0 or negative: choose more than -100%."
TOOL_BAD_SHARE = "A share must be between 0% and 100%, not {share}."
TOOL_NOTHING_APPLIED = "Nothing changed."
TOOL_COLUMN_OWNER = "gebied"
TOOL_COLUMNS = ("{figure} old", "new", "difference", "")
MARK_HELD = "held"
MARK_FLOOR = "to floor"
MARK_UNDER_FLOOR = "below floor"
MARK_ZERO = "to net 0"
MARK_UNDER_ZERO = "net ≤ 0"
MARK_BACK_TO_ZERO = "back to 0"
MARK_EXTRA = "+ rounding"
MARK_NO_NET = "no net"
TOOL_APPLIED = "Applied as one step ({cells}) and saved in {file}."
TOOL_DRY_RUN = "Dry run: nothing saved. Without --dry-run this is applied."
TOOL_NOTHING_SAVED = "There is nothing to change; the file stays as it was."
FIX_TOOL = "adjust the options (see --help for this command) and try again"
FIX_TOOL_BUNDLED = "try it with --dry-run, or first copy the example to your own folder"
PARAM_NOT_A_CHOICE = "'{text}' is not possible here: choose from {choices}."
HOLD_NOT_A_GEBIED = (
    "--hold takes the names of gebieden; stedelijk (the city-wide posts) is not a gebied."
)
CMD_DISTRIBUTE = (
    "distribute a year's remaining taakstelling (imposed budget cut) over the gebieden (districts)"
)
CMD_FIT = "make a year fit the envelope (the total NRW budget) through one post, in proportion"
CMD_COULEUR_LOCALE = (
    "raise couleur locale (local initiatives) to a minimum share, out of the"
    " gebiedsopdracht (welfare contract)"
)
CMD_COPY_YEAR = "copy all amounts of one year to another year, indexed"
ARG_YEAR = "the year, for example 2017"
ARG_KEY = (
    "distribution key: begroting (by net budget, the default), inwoners (by inhabitants) or"
    " gelijk (equally)"
)
ARG_HOLD = "leave this gebied (district) unchanged (may be repeated)"
ARG_FLOOR = "minimum net budget per gebied, for example 1.000.000"
ARG_ALL = (
    "first set the taakstelling of all gebieden to 0, then distribute the whole imposed amount"
)
ARG_UNIT = "distribute in multiples of this amount, for example 1000"
ARG_TOOL_REASON = "note (toelichting) on why, logged after the parameters in the change log"
ARG_DRY_RUN = "only show what would change; save nothing"
ARG_POST = "the post that is adjusted"
ARG_MIN_SHARE = "minimum share of couleur locale in the net budget, for example 10% or 12,5%"
ARG_FROM_YEAR = "the year to copy"
ARG_TO_YEAR = "the year that receives the amounts (must already exist in the scenario)"
ARG_INDEX = "indexation, for example 2,5% (or -1%)"
TOOL_TITLE = "Tools · {name}"
TOOL_NAMES = {
    "distribute": "Distribute taakstelling",
    "fit": "Fit to the envelope",
    "couleur-locale": "Raise couleur locale",
    "copy-year": "Copy a year",
}
TOOL_LABEL_TOOL = "Tool"
TOOL_LABEL_YEAR = "Year"
TOOL_LABEL_KEY = "Key"
TOOL_LABEL_FLOOR = "Floor"
TOOL_LABEL_UNIT = "Unit"
TOOL_LABEL_ALL = "start over: no"
TOOL_LABEL_ALL_ON = "start over: yes"
TOOL_LABEL_POST = "Via post"
TOOL_LABEL_SHARE = "Minimum share of couleur locale"
TOOL_LABEL_TO_YEAR = "To year"
TOOL_LABEL_INDEX = "Index"
TOOL_LABEL_HOLDS = "Held"
TOOL_LABEL_REASON = "Note"
TOOL_FLOOR_PLACEHOLDER = "none"
TOOL_HOLDS_PLACEHOLDER = "gebieden that do not change, comma-separated: Pernis, Rozenburg"
TOOL_KEYS = "Enter: apply · Tab: next field · space: choose from list · Esc: back"
TOOL_ROWS_CUT = "The first {shown} of {count} gebieden are shown above; all of them count."
TOOL_APPLIED_NOTICE = "{action}: {cells} changed, as one step; ctrl+z undoes it."
CELLS = ("{count} cell", "{count} cells")
KEY_APPLY = "Apply"
PALETTE_THEME = "Theme"
PALETTE_THEME_HELP = "Choose other colours for the screen (kept for next time)"
PALETTE_QUIT = "Quit"
PALETTE_QUIT_HELP = "Quit gebiedsplanner (asks first if there are unsaved changes)"
PALETTE_PLACEHOLDER = "Search for a command…"
PALETTE_THEME_PLACEHOLDER = "Search for a theme…"
PALETTE_NO_MATCHES = "No matches found"
HOW_TO_QUIT_TITLE = "Quit?"
HOW_TO_QUIT = "ctrl+c does not quit the program. To quit: q or ctrl+q."
TOOL_PREVIEW_PENDING = "The preview is still being updated: look at it, then press Enter."
TOOL_PREVIEW_STALE = "Updating the preview for the new settings…"
KEY_TOOLS = "Tools"
HELP_TOOLS = (
    "Tools: distribute taakstelling, fit to the envelope, raise couleur locale, copy a year"
)
PERCENT_BAD = "'{text}' is not a percentage. Examples: 10%, 12,5%."
PERCENT_COMMA = "'{text}': write decimals with a comma (12,5%); a dot separates thousands."
PERCENT_TOO_LONG = "'{text}': at most 6 digits before and 6 after the decimal comma."

# -- problems with files -------------------------------------------------------
PROBLEM_LINE = "{where}: {message}\n    fix: {fix}"
PLACE_LINE = "line {line}"
PLACE_LINE_COLUMN = "line {line}, column {column}"
PLACE_WITH_LINE = "{path} (line {line})"
#: What belongs where a file is read or written (disk/reading.py ``FileKind``), for the
#: fixes' ``{kind}``.
FILE_KINDS = {
    "scenario": "a scenario file (.toml)",
    "config": "a config file (.toml)",
    "authorized-keys": "a keys file in OpenSSH format (authorized_keys)",
    "host-key": "a file with an OpenSSH private key",
    "file": "an ordinary file",
}
FILE_MISSING = "file does not exist"
FIX_SCENARIO_NEAREST = (
    "did you mean {names}? A name is that of a scenario in the library or of a bundled"
    " example; else the path to a .toml file"
)
EITHER = "{first} or {last}"
FIX_FILE_MISSING = "check the name and the folder, or choose {kind} that exists"
FILE_IS_DIR = "this is a folder, not a file"
FIX_FILE_IS_DIR = "give the name of {kind} in that folder"
FILE_NO_READ = "no permission to read this file"
FIX_NO_READ = "ask the owner for read permission, or copy the file to your own folder"
FILE_EMPTY = "file is empty"
FIX_EMPTY = "choose a scenario file, or make one with 'save as' from the example"
FILE_BINARY = "this is not a text file (it contains binary data)"
FIX_BINARY = "choose a scenario file in TOML format (.toml)"
FILE_UTF16 = "the text is saved as UTF-16, not as UTF-8"
FILE_NOT_UTF8 = "the text is not saved as UTF-8"
FIX_UTF8 = "save the file as UTF-8 (in most editors: 'Save as' > encoding UTF-8)"
TOML_SYNTAX = "TOML syntax error: {detail}"
#: tomli's own messages (format/toml_text.py toml_detail), as tomli says them.
TOML_MESSAGES = {
    "Cannot overwrite a value": "this value is already there",
    "Escaped character is not a Unicode scalar value": "a \\u character that does not exist",
    "Expected '=' after a key in a key/value pair": "a key must be followed by '='",
    "Expected ']' at the end of a table declaration": "the table name lacks its closing ']'",
    "Expected ']]' at the end of an array declaration": "the table name lacks its closing ']]'",
    "Expected newline or end of document after a statement": "a value must end its line",
    "Invalid date or datetime": "invalid date or time",
    "Invalid hex value": "invalid hexadecimal value",
    "Invalid initial character for a key part": "a key cannot start like this",
    "Invalid statement": "this line is neither key = value nor a table name",
    "Invalid value": "invalid value (text belongs between quotes)",
    "Unclosed array": "a list without its closing ']'",
    "Unclosed inline table": "a table in braces without its closing brace",
    "Unescaped '\\' in a string": "a lone '\\' in text (write '\\\\')",
    "Unterminated string": "text without its closing quote",
    "Cannot declare {} twice": "{} is given twice",
    "Cannot redefine namespace {}": "{} is given twice",
    "Cannot mutate immutable namespace {}": "{} was already given in full",
    "Duplicate inline table key {}": "key {} is given twice in the same table",
    "Found invalid character {}": "invalid character {}",
    "Illegal character {}": "invalid character {}",
    "Expected {}": "expected {}",
}
FIX_TOML = "repair the line; compare it with the bundled example nrw-2016-2019.toml"
TOML_TOO_DEEP = "lists or tables are nested more than 400 levels deep"
TOML_HUGE_NUMBER = "a number of thousands of digits"
MORE_PROBLEMS = "and {count} more problems (the first 100 are listed above)"
MISSING_FORMAT = "'format' is missing"
UNKNOWN_FORMAT = "unknown format version {found}"
FIX_FORMAT = "put 'format = 1' at the top (this version of gebiedsplanner reads format 1)"
MISSING_TABLE = "table '{key}' is missing"
NOT_A_TABLE = "expected a table here, but found {found}"
FIX_ADD_TABLE = "add a table [{header}] with an amount per year, such as 2017 = 250_000"
NOT_A_LIST = "expected a list here, but found {found}"
MISSING_KEY = "'{key}' is missing"
FIX_ADD_TEXT = 'add {key} = "..."'
NOT_TEXT = "expected text in quotes here, but found {found}"
FIX_QUOTE_TEXT = "put the text in quotes"
UNKNOWN_KEY = "unknown key '{key}'"
FIX_UNKNOWN_KEY = "remove or rename the key; allowed: {allowed}"
AMOUNT_WRONG_TYPE = "an amount must be a whole number of euros, but found {found}"
FIX_WHOLE_EUROS = "write whole euros without a dot or comma, such as 250000 or 250_000"
FIX_TYPO = "check the number of zeros"
NOT_A_YEAR = "'{key}' is not a year"
FIX_YEAR_KEY = "use four-digit years as keys, such as 2017 = 250_000"
EXTRA_YEAR = "year {year} is not in the envelope ({years})"
FIX_EXTRA_YEAR = "remove this year, or add it to [envelope] as well"
MISSING_YEAR = "year {year} is missing"
FIX_MISSING_YEAR = "add {year} = ...: every post has an amount for every year of the envelope"
FIX_SIGN = "check the sign: a taakstelling is 0 or negative, other amounts 0 or positive"
ENVELOPE_EMPTY = "the envelope has no years"
FIX_ENVELOPE_EMPTY = "add the NRW budget per year, such as 2017 = 57_931_000"
RESERVED_GEBIED = "'{name}' is reserved for the city-wide (stedelijk) posts"
EMPTY_GEBIED_NAME = "a gebied without a name"
FIX_RENAME_GEBIED = "give the gebied a different name"
SLASH_IN_POST = (
    "a stedelijk post cannot have '/' in its name: the change log writes a cell as"
    " GEBIED/POST/JAAR and would read another cell in it"
)
FIX_RENAME_POST = "give the post a name without '/'"
EMPTY_POST_NAME = "a stedelijk post without a name"
FIX_NAME_POST = "give the post a name, such as [stedelijk.wijkteams]"
COMMENTS_NOT_KEPT = (
    "saved, but without the comments it had: the file writes tables with dots or on one"
    " line and is larger than {limit} KB, so it was written anew"
)
FIX_COMMENTS = (
    "the amounts are right; put comments back from an earlier version, or write each post"
    " as a table of its own ([gebied.Charlois.couleur_locale]): those keep their comments"
)
INWONERS_WRONG = "inwoners must be a whole number of 0 or more, but found {found}"
FIX_INWONERS = "write the number of inhabitants as a whole number, or leave out 'inwoners'"
FIX_NOTE = (
    "write the remark as text in quotes, at most 1.000 characters without control "
    "characters (\\n for a new line is fine), or leave out 'notitie'"
)
LOG_WHEN = "a change in the change log lacks a valid time (when)"
LOG_CHANGE = "a change in the change log is unreadable (cell, old, new)"
LOG_NOTE_CHANGE = "a remark in the change log is unreadable (gebied, old, new)"
FIX_LOG = "repair the change log [[log]] or get it back from an earlier version of the file"
TYPE_BOOL = "a true/false value"
TYPE_FLOAT = "a decimal number ({value})"
TYPE_STRING = "text ({value!r})"
TYPE_TABLE = "a table"
TYPE_LIST = "a list"
TYPE_INTEGER = "a whole number ({value})"
TYPE_HUGE = "thousands of digits"
TYPE_DATE = "a date or time ({value})"

# -- policy rules (beleid) -------------------------------------------------------
#: A rule as a statement, per rule code (the key in ``[beleid]``); ``{value}`` is its setting.
RULE_STATEMENTS = {
    "min_couleur_locale_pct": "couleur locale is at least {value} of each gebied's net budget",
    "min_gebiedsopdracht": "the gebiedsopdracht is at least € {value} per gebied and year",
    "max_wijziging_pct": "couleur locale and gebiedsopdracht change by at most {value} a year",
    "taakstelling_volledig_verdeeld": "the taakstelling is fully distributed every year",
    "binnen_envelope": "the plan stays within the envelope every year",
}
#: A violation of a rule, per rule code; ``{post}`` is the offending cell's post.
RULE_BROKEN = {
    "min_couleur_locale_pct": "couleur locale below {value} of net",
    "min_gebiedsopdracht": "gebiedsopdracht below € {value}",
    "max_wijziging_pct": "change in {post} above {value} of last year",
    "taakstelling_volledig_verdeeld": "taakstelling not fully distributed",
    "binnen_envelope": "over the envelope",
}
#: How much a violation is off by, per rule code.
RULE_BY = {
    "min_couleur_locale_pct": "€ {by} too little",
    "min_gebiedsopdracht": "€ {by} too little",
    "max_wijziging_pct": "€ {by} too much",
    "taakstelling_volledig_verdeeld": "€ {by} difference",
    "binnen_envelope": "€ {by} too much",
}
RULE_PERCENT = "{value}%"
RULE_WHOLE_YEAR = "total"
RULE_OFF = "{rule} (switched off)"
VIOLATION_LINE = "{owner}, {year}: {rule}: {by}"
VIOLATION_IN_YEAR = "  {owner}: {rule}: {by}"
UNKNOWN_RULE = "unknown policy rule '{key}'."
FIX_UNKNOWN_RULE = "remove or rename the rule; known: {allowed}"
RULE_PERCENT_TYPE = "expected a percentage here (such as 10 or 12.5), but found {found}"
RULE_PERCENT_RANGE = "percentage {value} is not between 0 and 100"
RULE_PERCENT_DECIMALS = "percentage {value} has more than two decimals"
FIX_PERCENT = "write a number from 0 to 100 inclusive with at most two decimals, such as 10 or 12.5"
RULE_NOT_FLAG = "expected true or false here, but found {found}"
FIX_FLAG = "write true (the rule applies) or false (the rule does not apply)"
RULE_AMOUNT_NEGATIVE = "a minimum amount cannot be negative"
FIX_RULE_AMOUNT = "write whole euros of 0 or more, such as 1_000_000"

# -- problems on disk ----------------------------------------------------------
DISK_FULL = "the disk is full"
FIX_DISK_FULL = "free up space on the disk, or choose a different folder"
FOLDER_NOT_WRITABLE = "no permission to write in this folder"
FIX_NOT_WRITABLE = "ask for write permission, or choose a folder you may write to"
FOLDER_IS_LINK = (
    "this is a symbolic link, not a folder; files are written only into a real folder"
)
FIX_FOLDER_IS_LINK = (
    "replace the link by a real folder; a folder of gebiedsplanner's own (such as the one with "
    "the journals) is made again by itself once the link is removed"
)
NOT_A_FOLDER = "a file is here, not a folder"
FIX_NOT_A_FOLDER = "rename or remove the file, or choose another folder"
FOLDER_MISSING = "the folder does not exist"
FIX_FOLDER_MISSING = "create the folder first, or choose an existing folder"
FIX_READ_FOLDER_MISSING = (
    "check the name of the folder (a disk or network share that is not mounted?)"
)
SYMLINK_LOOP = "a loop of symbolic links"
FIX_SYMLINK_LOOP = "choose the real file instead of the link"
OS_ERROR = "error from the operating system: {detail}"
FIX_OS_ERROR = "try again, or choose a different folder"
NAME_TOO_LONG = "the name of the file or folder is too long"
FIX_NAME_TOO_LONG = "choose a shorter name or a folder closer to the top-level folder"
BAD_FILE_NAME = "the name contains a character that cannot be in a file name (such as a null byte)"
FIX_BAD_FILE_NAME = "check the name of the file or the folder"
FILE_NOT_REGULAR = "this is not an ordinary file (but a pipe, device or socket)"
FIX_NOT_REGULAR = "choose {kind}; remove or rename what is here"
FILE_TOO_LARGE = "file is larger than {limit} MB"
FILE_TOO_LARGE_KB = "file is larger than {limit} KB"
FIX_TOO_LARGE = "choose the right file: {kind} belongs here"
FILE_IS_LINK = "this is a symbolic link; gebiedsplanner does not read this file through a link"
FIX_FILE_IS_LINK = "point at the file itself, not at a link to it"
LOCK_NOT_FILE = "the write lock is not an ordinary file (a link, pipe or folder)"
FIX_LOCK_NOT_FILE = "remove this lock file; it is created again the next time you save"
FILE_VANISHED = "the file no longer exists (renamed, moved or put in the trash)"
RENAME_LINK = "this is a symbolic link to a scenario elsewhere"
FIX_RENAME_LINK = "rename the file the link points to, or duplicate (d) and rename the copy"
FIX_RESCAN = "open the library again and try once more"
FIX_FILE_VANISHED = "save your version as a new scenario ('save as'); nothing was overwritten"
CHANGED_ON_DISK = "the file has changed since you opened it (by a colleague or another program)"
FIX_CHANGED_ON_DISK = (
    "nothing was overwritten: save your version as a variant ('save as') and compare the two"
)
READ_ONLY_FILE = "the file is read-only (nobody has write permission on it)"
FIX_READ_ONLY_FILE = (
    "nothing was overwritten: go on in a variant ('save as', S, or a copy of the file),"
    " or make the file writable first (chmod u+w)"
)
FILE_EXISTS = "a file with this name already exists"
FIX_FILE_EXISTS = "choose a different name"
CONFIG_SCENARIO_DIR = "scenario_dir must be a folder name in quotes, or a list of them"
UNKNOWN_HOME = "'{text}': that user (after ~) is unknown on this computer"
FIX_UNKNOWN_HOME = (
    "write the folder in full, such as /home/name/folder, or use ~/ for your own folder"
)
FIX_CONFIG = "repair or remove the configuration file"
CONFIG_IS_LINK = "the config file is a link: gebiedsplanner does not write through it"
FIX_CONFIG_LINK = "put {line} yourself in the file the link points to"
CONFIG_NOT_SET = (
    "the file is not valid TOML, or the setting spans several lines or is a table:"
    " it cannot safely be replaced on one line"
)
FIX_CONFIG_BY_HAND = (
    "put {line} yourself at the top of the file, before the first line starting with '['"
)
CONFIG_THEME_UNKNOWN = "unknown theme {theme}: the default theme stays"
FIX_CONFIG_THEME = (
    "choose a theme with ctrl+p, Theme (it is kept here), or set one of these: {themes}"
)
THEME_NOT_REMEMBERED = "theme {theme} chosen, but not kept: {why}"
SAVE_AS_NO_PATHS = "A name, not a path: leave out '/', '\\' and '..'."
SAVE_AS_EMPTY = "Give a name with letters or digits."

# -- command line --------------------------------------------------------------
#: One paragraph: ``--help`` wraps it to the terminal's width.
APP_DESCRIPTION = (
    "Plan the NRW budgets per gebied (couleur locale, gebiedsopdracht, taakstelling)"
    " against the envelope. Without SCENARIO, the bundled example opens."
)
OVERVIEW_HEAD = "commands without a screen:"
OVERVIEW_TAIL = "'gebiedsplanner COMMAND --help' shows the details."
UNKNOWN_COMMAND = (
    "gebiedsplanner: '{word}' is not a command or a file. Did you mean '{command}'?"
    " 'gebiedsplanner --help' shows all commands."
)
#: argparse's own words (see gebiedsplanner/arguments.py), as argparse says them.
ARGPARSE = {
    "usage: ": "usage: ",
    "positional arguments": "positional arguments",
    "options": "options",
    "show this help message and exit": "show this help message and exit",
    "%(prog)s: error: %(message)s\n": "%(prog)s: error: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "argument %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "the following arguments are required: %s",
    "one of the arguments %s is required": "one of the arguments %s is required",
    "unrecognized arguments: %s": "unrecognized arguments: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "invalid choice: %(value)r (choose from %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "invalid value: %(value)r",
    "expected one argument": "expected one argument",
    "expected at most one argument": "expected at most one argument",
    "expected at least one argument": "expected at least one argument",
    "expected %s argument": "expected %s argument",
    "expected %s arguments": "expected %s arguments",
    "ambiguous option: %(option)s could match %(matches)s": (
        "ambiguous option: %(option)s could match %(matches)s"
    ),
    "not allowed with argument %s": "not allowed with argument %s",
    "ignored explicit argument %r": "ignored explicit argument %r",
    "unexpected option string: %s": "unexpected option string: %s",
    'argument "-" with mode %r': 'argument "-" with mode %r',
    "can't open '%(filename)s': %(error)s": "can't open '%(filename)s': %(error)s",
}
ARG_VERSION = "show the version number and exit"
ARG_LANG = "language of screen and messages: nl (default) or en; before or after the command"
UNKNOWN_LANGUAGE = "gebiedsplanner: unknown language '{language}'. Choose from: {known}."
CONFIG_LANG = 'lang must be "nl" or "en", but it is {found}'
FIX_CONFIG_LANG = 'set lang = "nl" or lang = "en" in the config file, or leave lang out'
METAVAR_ADDRESS = "GEBIED/POST/YEAR"
METAVAR_TEXT = "TEXT"
METAVAR_AMOUNT = "AMOUNT"
METAVAR_GEBIED = "GEBIED"
ARG_SCENARIO = "scenario file (.toml) to open"
ARG_LIBRARY = "open on the scenario library (l), the planner beneath it"
ARG_SCENARIO_DIR = "folder with scenarios, for example a shared team folder (may be repeated)"
ARG_AMOUNT = (
    "how much: whole euros, such as 50.000 or 50000, or a percentage of --from, such as 10%"
    " or 12,5% (rounded to whole euros)"
)
ARG_FILE = (
    "the scenario: a .toml file, or a name from the library or of a bundled example"
    " (nrw-2016-2019)"
)
ARG_FILES = "the scenarios to check: .toml files or names (such as nrw-2016-2019)"
ARG_BASE = "the base scenario: a .toml file or a name (such as nrw-2016-2019)"
ARG_VARIANTS = "the variants, each compared with the base: .toml files or names"
ARG_REPORT_VARIANTS = "variants to compare with the scenario in the report (optional)"
ARG_FROM = "the cell the amount comes from: GEBIED/POST/YEAR, such as Charlois/gebiedsopdracht/2017"
ARG_TO = "the cell the amount goes to, in the same year: GEBIED/POST/YEAR"
ARG_LAYOUT = (
    "long (default): a row per gebied, post and year; wide: a row per gebied and post,"
    " a column per year"
)
ARG_DIALECT = (
    "standard (default): commas, UTF-8; nl: semicolons, UTF-8 with a BOM, for Dutch Excel"
)
ARG_REASON = "note (toelichting): why this move"
CMD_VALIDATE = "check scenario files (exit code 0 if everything is correct)"
CMD_SUMMARY = (
    "envelope (total budget), planned, room and taakstelling (budget cut) still to"
    " distribute, per year"
)
CMD_MOVE = "move an amount from one post to another and save"
CMD_NOTE = "set the remark of a gebied (empty text: remove it) and save"
ARG_NOTE_GEBIED = "the gebied, as the scenario names it"
ARG_NOTE_TEXT = "the remark, at most 1.000 characters; '' removes it"
CMD_COMPLETION = (
    "print the script for Tab completion in the shell (bash or zsh): commands, options"
    " and scenario names"
)
ARG_SHELL = "the shell: bash or zsh"
CMD_EXPORT = "export the plan to CSV or an Excel workbook"
VALID = "{file}: OK ({name})"
VALID_WITH_VIOLATIONS = "{file}: file OK ({name}); policy rules broken: {count}"
ARG_STRICT = "broken policy rules give exit code 1 (without --strict: only warnings)"
FIX_ADDRESS = "write GEBIED/POST/JAAR (JAAR is the year), for example Charlois/couleur_locale/2017"
FIX_MOVE = "choose a smaller amount or a different post"
FIX_MOVE_SAME_YEAR = "give --from and --to the same year, for example both .../2017"
FIX_MOVE_OTHER_CELL = "choose a different post or a different gebied for --to"
FIX_MOVE_POSITIVE = (
    "give --amount an amount above 0, such as 50.000, or a percentage of --from, such as 10%"
)
FIX_MOVE_AMOUNT = (
    "give --amount whole euros, such as 50.000, or a percentage of --from,"
    " such as 10%"
)
FIX_NOTE_GEBIED = "name a gebied as the scenario names it (see 'gebiedsplanner summary')"
FIX_NOTE_TEXT = "shorten the remark and leave out control characters; a long text belongs elsewhere"
FIX_PERCENT_TYPED = "type a percentage, such as 10% or 2,5%"
FIX_TOOL_YEAR = "choose a year the scenario has (see 'gebiedsplanner summary')"
FIX_HOLD = "name gebieden as the scenario names them, one per --hold"
FIX_UNIT = "give --unit a whole amount of at least 1, such as 1000"
FIX_AMOUNT_TYPED = "type an amount in whole euros, such as 50000 or 50.000"
FIX_REASON = "shorten the note; a long text belongs in a document of its own"
BUNDLED_READ_ONLY = "this is the bundled example; it is never overwritten"
FIX_BUNDLED_READ_ONLY = "first copy it to your own folder and work in that copy"
MOVED = "{amount} moved from {source} to {target}; room {year}: {room}. Saved in {file}."
NOTE_SET = "Remark on {gebied} saved in {file}."
NOTE_REMOVED = "Remark on {gebied} removed; saved in {file}."
NOTE_UNCHANGED = "{gebied} has this remark already; {file} is unchanged."
ARG_EXPORT_OUT = (
    "the file: .csv, or .xlsx for an Excel workbook (see --format); without -o, or with -o -,"
    " to standard output"
)
EXPORTED = "{rows} rows exported to {output}."
EXPORT_OVER_SCENARIO = (
    "this is a scenario file (or the name ends in .toml): an export never replaces one"
)
EXPORT_OVER_LINK = "there is a symbolic link here: an export does not write through it"
EXPORT_OVER_SPECIAL = "this is not an ordinary file (but a folder, pipe or device)"
EXPORT_HIDDEN = (
    "a name starting with a dot is a hidden file, such as the lock or the note beside a"
    " scenario: an export does not write there"
)
FIX_EXPORT_NAME = "choose a different file name (such as plan.csv, plan.xlsx or rapport.html)"
EXPORT_EXISTS_TITLE = "File already exists"
EXPORT_EXISTS_QUESTION = "{file} already exists. Overwrite it with this export?"
OUTPUT_WRONG_EXTENSION = "no {extension} file is written here"
OUTPUT_OR = " or "
FIX_OUTPUT_EXTENSIONS = "give the file the extension of a format there is: {extensions}"
FIX_OUTPUT_SPREADSHEET = (
    "name it .xlsx: an Excel workbook, which Excel and LibreOffice open (LibreOffice saves"
    " it as .ods if you like); or .csv"
)
OUTPUT_FORMAT_DISAGREES = "--format {format} writes no {extension} file"
FIX_OUTPUT_FORMAT_DISAGREES = "leave --format out (the name then chooses), or name the file {name}"
PDF_TO_TERMINAL = "a PDF is not text: on the screen it is unreadable"
FIX_PDF_TO_TERMINAL = "write it to a file: -o rapport.pdf, or > rapport.pdf"
PDF_NO_CHROMIUM = "gebiedsplanner makes a PDF with Chromium, which is not installed here"
FIX_PDF_NO_CHROMIUM = (
    "install chromium (Debian and Ubuntu: apt install chromium), or write the report as"
    " .html and print it to PDF from a browser"
)
PDF_TOO_LARGE = (
    "this report is {size} of HTML, and gebiedsplanner makes a PDF of at most {most} (some"
    " 1,600 gebieden): a larger one takes Chromium minutes and gigabytes"
)
FIX_PDF_TOO_LARGE = (
    "fetch the report as HTML (--format html) and print the part you need from a browser,"
    " or take the figures as a workbook: export --format xlsx"
)
PDF_BUSY = (
    "a PDF is being made already, one at a time, and it was still going after {seconds} seconds"
)
FIX_PDF_BUSY = "try again in a minute"
PDF_NOT_STARTED = "Chromium does not start: {why}"
PDF_NO_TEMPORARY = "no temporary folder for the PDF in {folder}: {why}"
FIX_PDF_NO_TEMPORARY = "make room there, or set TMPDIR to a folder you may write to"
PDF_TOO_SLOW = "Chromium had made no PDF after {seconds} seconds and was stopped"
PDF_NO_OUTPUT = "no PDF written"
PDF_FAILED = "Chromium made no PDF (exit code {code}): {why}"
FIX_PDF_FAILED = "write the report as .html and print it to PDF from a browser"

# -- summary -------------------------------------------------------------------
SUMMARY_HEADERS = ("year", "envelope", "planned", "room", "taakstelling still to distribute")
SUMMARY_POLICY_HEADER = "policy rules broken"
OVER_ENVELOPE = "over envelope"
WITHIN_ENVELOPE = "within envelope"
OVER_ENVELOPE_MARK = "▲ OVER ENVELOPE"
WITHIN_ENVELOPE_SHORT = "within"
OVER_ENVELOPE_SHORT = "▲ OVER"
#: After a year's room in the totals of the all-years view when the year is over.
OVER_MARK = "▲"

# -- the planner table ---------------------------------------------------------
TABLE_HEADERS = (
    ("Gebied", ""),
    ("Couleur", "locale"),
    ("Gebieds-", "opdracht"),
    ("Taak-", "stelling"),
    ("Net", ""),
    ("CL", "share"),
)
UNIT_EUROS = "amounts in €"
UNIT_THOUSANDS = "x € 1.000"
#: "Stedelijk" names the city-wide posts' owner as users type it (``stedelijk/...``).
STEDELIJK_ROW = "Stedelijk: {name}"
TOTAL_ROW = "Total"
TOTAL_ROW_COUNTING = "Total: being counted…"
#: The name column's header while sorted by the change since opening.
SORTED_BY_CHANGE = "{mark} change"
COUNTING = "counting…"
TITLE_READING = " · reading…"

# -- totals bar ------------------------------------------------------------------
CAPTION_ENVELOPE = "Envelope"
CAPTION_PLANNED = "Planned"
CAPTION_ROOM = "Room"
CAPTION_IMPOSED = "Taakstelling"
CAPTION_DISTRIBUTED = "distributed"
CAPTION_OPEN = "left"
#: The captions in a terminal narrower than 80 columns.
CAPTION_ENVELOPE_SHORT = "Env."
CAPTION_PLANNED_SHORT = "Plan."
CAPTION_IMPOSED_SHORT = "Taak"
CAPTION_DISTRIBUTED_SHORT = "distr."
#: The first line of the totals under the all-years view: the years above their totals.
CAPTION_YEAR = "Year"
POLICY_COUNT = "Policy: {count}"
POLICY_COUNT_SHORT = "Pol. {count}"
#: After an amount or total that breaks a policy rule: a sign, not only a colour.
POLICY_MARK = "!"
#: After the name of a gebied that has a remark (``o``): the remark itself is on the line
#: above the totals when the cursor is on that gebied.
NOTE_MARK = "✎"
NOTE_DETAIL = "✎ {gebied}: {note}"
NOTE_DETAIL_NONE = "{gebied}: no remark"

# -- describing changes ----------------------------------------------------------
STEDELIJK_LABEL = "Stedelijk"
CELL_LABEL = "{owner} · {post} · {year}"
CELL_LABEL_NO_YEAR = "{owner} · {post}"
#: A gebied's note where changes are listed per cell (a merge's choices).
NOTE_PLACE = "remark"
NOTE_NONE = "(none)"
#: The cell on the edit line in the all-years view: its year first (a long name is cut).
EDIT_CELL_IN_YEAR = "{year} · {cell}"
NET = "net"
CHANGE_LINE = "{cell}: {old} → {new} ({delta})"

# -- the app -----------------------------------------------------------------------
PROBLEM_TITLE = "Problem"
SAVED = "Saved in {file}."
TITLE_YEAR = " · {year} ({index}/{count})"
TITLE_ALL_YEARS = " · all years: {post}"
#: Where the post does not fit with what the session may change (the table says the post).
TITLE_ALL_YEARS_SHORT = " · all years"
TITLE_YEAR_ONLY = " · {year}"
TITLE_UNIT = " · {unit}"
TITLE_EXAMPLE = " · example"
TITLE_DIRTY = " ● not saved"
TITLE_UNIT_EUROS = "€"
#: Keys named in the footer by their word in this language.
KEY_NAMES = {"space": "space", "escape": "esc"}
KEY_EDIT = "Edit"
KEY_MOVE = "Move"
KEY_NEXT_YEAR = "Year"
KEY_PREV_YEAR = "Prev year"
KEY_THOUSANDS = "x1000"
KEY_SAVE = "Save"
KEY_SAVE_AS = "Save as"
KEY_EXPORT = "Export"
KEY_HELP = "Help"
KEY_QUIT = "Quit"
KEY_CANCEL = "Cancel"
KEY_CLOSE = "Close"
HELP_EDIT = "Change the amount in the cell under the cursor"
HELP_MOVE = "Move an amount to another post or another gebied (same year)"
HELP_NEXT_YEAR = "Next year"
HELP_PREV_YEAR = "Previous year"
HELP_THOUSANDS = "Switch between whole euros and x € 1.000"
KEY_ALL_YEARS = "All years"
HELP_ALL_YEARS = (
    "Switch between one year and one post in every year side by side (there: ] and [ to"
    " another year)"
)
KEY_NEXT_POST = "Post"
HELP_NEXT_POST = "In all years: show the next post"
KEY_SORT_COLUMN = "Sort"
HELP_SORT_COLUMN = "Sort by the column under the cursor: largest first, smallest first, file order"
KEY_SORT_NAME = "Sort by name"
HELP_SORT_NAME = "Sort by gebied name: A-Z, Z-A, file order"
KEY_SORT_CHANGE = "Sort by change"
HELP_SORT_CHANGE = "Sort by change since opening: most added, most taken off, file order"
KEY_COPY = "Copy"
HELP_COPY = "Copy the amount under the cursor (as 247000)"
COPIED = "Copied: {value} ({what})"
KEY_SEARCH = "Search"
HELP_SEARCH = "Search a gebied by (part of) its name; the cursor follows as you type"
KEY_SEARCH_NEXT = "Next match"
HELP_SEARCH_NEXT = "To the next gebied that matches the search (after the last: from the top)"
KEY_SEARCH_PREVIOUS = "Previous match"
HELP_SEARCH_PREVIOUS = (
    "To the previous gebied that matches the search (before the first: from the bottom)"
)
KEY_GO_TO = "Go to"
HELP_GO_TO = "Go to a gebied: type its name, which is completed (→ takes the completion)"
SEARCH_LABEL = "Search gebied:"
SEARCH_PLACEHOLDER = "part of the name"
#: The find line's hints: the longest that fits is shown whole (60 columns: the shortest).
SEARCH_HINT = "Enter: stay here · Esc: back · then n/N: next/previous"
SEARCH_HINT_SHORT = "Enter: stay · Esc: back · n/N: next/previous"
SEARCH_HINT_SHORTEST = "Enter: stay · Esc: back"
SEARCH_HIT = "{name} ({number}/{count}) · Enter: stay here · Esc: back"
SEARCH_HIT_SHORT = "{name} ({number}/{count}) · Esc: back"
SEARCH_HIT_SHORTEST = "{name} ({number}/{count})"
FIND_NO_MATCH = "No gebied matches '{text}'"
SEARCH_WRAPPED_DOWN = "Search hit the bottom, continuing at the top"
SEARCH_WRAPPED_UP = "Search hit the top, continuing at the bottom"
SEARCH_NOTHING = "Nothing searched yet: / searches a gebied by name"
GO_TO_LABEL = "Go to gebied:"
GO_TO_PLACEHOLDER = "gebied name"
GO_TO_HINT = "Enter: go there · →: complete · Esc: back"
GO_TO_HINT_SHORT = "→: complete · Esc: back"
GO_TO_HINT_SHORTEST = "Esc: back"
GO_TO_TARGET = "Enter: to {name}"
GO_TO_SEVERAL = "{count} names with '{text}': {names}"
GO_TO_UNKNOWN = "No gebied '{text}'."
GO_TO_NEAREST = " Did you mean: {names}?"
HELP_SAVE = "Save (the bundled example: save as a copy)"
HELP_SAVE_AS = "Save as: a copy with a new name in the scenario library"
HELP_EXPORT = "Export the plan: CSV or Excel workbook (like 'gebiedsplanner export')"
HELP_HELP = "This help"
HELP_QUIT = "Quit (asks first if there are unsaved changes)"
HELP_EXTRA_KEYS = (
    ("↑ ↓ ← →", "Move the cursor to another cell"),
    ("PgUp PgDn Home End", "Page up/down, first/last row"),
    ("ctrl+p", "Command palette: every action by name"),
    ("ctrl+q", "Quit (like q)"),
    ("tab / shift+tab", "In a dialog: to the next/previous field"),
    ("esc", "Close a dialog without changing anything"),
)
HELP_TITLE = "Keys"
#: One paragraph: the help screen wraps it to its width.
HELP_INPUT = (
    "Typing amounts: 250.000 or 250000 sets the amount; +25.000 and -25.000 add or subtract;"
    " -10% and +2,5% change it by a percentage; =-300.000 sets a negative amount"
    " (taakstelling). Whole euros only."
)
HELP_KEYS = "esc, ? or q: close"
EDITOR_PLACEHOLDER = "+5.000 or -10%"
#: The edit line's hint, as the key line writes keys: the longest that fits is shown whole.
EDITOR_HINT = "⏎ Apply  Tab Note  esc Back"
EDITOR_HINT_SHORT = "⏎ Apply  Tab Note"
EDITOR_HINT_SHORTEST = "Tab Note"
EDIT_PREVIEW = "{old} → {new} ({delta})"
EDITOR_REFUSED = "Not possible: {new} — {problem}."
REASON_PLACEHOLDER = "Note: why? (optional)"
KEY_NOTE = "Remark"
HELP_NOTE = "Remark on the gebied under the cursor (Enter: keep, empty: remove, Esc: back)"
NOTE_LABEL = "Remark {gebied}"
#: How to remove a note first: a narrow line cuts the example.
NOTE_PLACEHOLDER = "empty: no remark · e.g.: wacht op besluit gebiedscommissie"
NOTE_ONLY_GEBIED = "A remark belongs to a gebied: put the cursor on a gebied."
MOVE_TITLE = "Move an amount in {year}"
MOVE_FROM = "From"
MOVE_TO = "To"
MOVE_AMOUNT_PLACEHOLDER = "Amount or percentage of From: 50.000 or 10%"
MOVE_HINT = "Type the amount; Tab to the note, gebieden and posts."
MOVE_KEYS = "Enter: move · Tab: next field · space: list · Esc: cancel"
QUIT_TITLE = "Unsaved changes"
QUIT_QUESTION = "There are changes that have not been saved yet. What would you like to do?"
# The letter in brackets is the key the code binds to the button: keep it.
#: A button's *_LETTERS answer it from the keyboard; its label shows the first.
QUIT_SAVE_BUTTON = "Save (s)"
QUIT_SAVE_LETTERS = "s"
QUIT_DISCARD_BUTTON = "Don't save (d)"
QUIT_DISCARD_LETTERS = "d"
QUIT_STAY_BUTTON = "Back (esc)"
SAVE_QUEUED = "Saving; this state will be saved right after."
SAVE_BUSY = "Saving; try again in a moment."
GONE_TITLE = "File no longer exists"
GONE_QUESTION = (
    "{file} has been renamed, moved, put in the trash or replaced by something else"
    " (such as a link to another file) since you opened it."
    " Nothing was overwritten; your changes are still on the screen and in the journal."
)
GONE_RECREATE_BUTTON = "Create again (r)"
GONE_RECREATE_LETTERS = "r"
GONE_SAVE_AS_BUTTON = "Save as (a)"
GONE_SAVE_AS_LETTERS = "a"
SAVE_AS_TITLE = "Save as"
SAVE_AS_FOLDER = "Folder: {folder}"
SAVE_AS_PLACEHOLDER = "Name of the scenario"
SAVE_AS_FILE = "File: {file}"
SAVE_AS_KEYS = "Enter: save · Esc: cancel"
SAVE_AS_KEYS_FOLDERS = "Enter: save · ↑↓: other folder · Esc: cancel"
KEY_OTHER_FOLDER = "Other folder"
SAVE_AS_COPY = "{name} (copy)"
EXPORT_FILE = "plan.csv"
EXPORT_TITLE = "Export"
EXPORT_LAYOUTS = (("long: one row per amount", "long"), ("wide: one column per year", "wide"))
EXPORT_DIALECTS = (("Dutch Excel (;)", "nl"), ("standard (,)", "standard"))
EXPORT_WORKBOOK = ("Excel workbook (.xlsx)", "xlsx")
EXPORT_KEYS = "Enter: export · Tab: next field · space: list · Esc: cancel"
EXPORT_FETCH = (
    "Enter writes the file on the server. To get it onto your own computer, type this"
    " command there:"
)
EXPORT_FETCH_SAVED_ONLY = "This fetches the saved version: save (ctrl+s) your changes first."
EXPORT_FETCH_COPY = "ctrl+y: copy the command (to your terminal's clipboard)"
EXPORT_FETCH_COPIED = "The command is on your terminal's clipboard."
KEY_COPY_FETCH = "Copy command"
EXPORT_FETCH_NONE = (
    "Enter writes the file on the server. Over ssh only a scenario in a shared folder can be"
    " fetched (ssh server export NAME > file), and this one is not in one."
)

# -- comparison --------------------------------------------------------------------
ABSENT = "(missing)"
COMPARE_HEADERS = ("gebied", "post", "year", "base")
COMPARE_BASE = "base"
COMPARE_VARIANT = "variant {n}"
COMPARE_DIFF = "difference"
COMPARE_LEGEND_BASE = "base:      {name}"
COMPARE_LEGEND_VARIANT = "variant {n}: {name}"
COMPARE_TOTALS_HEADERS = ("year", "scenario", "envelope", "planned", "room", "")
COMPARE_TOTALS_TITLE = "Totals against the envelope"
COMPARE_ROWS_TITLE = "Differences per gebied, post and year"
COMPARE_NO_CHANGES = "No differences."
EXPLAIN_TITLE = "Explanation from the change logs"
EXPLAIN_VARIANT = "variant {n} ({name}):"
EXPLAIN_UNRELATED = "not derived from the base: the change logs have no common start"
EXPLAIN_NOTHING = "no changes recorded since the split"
EXPLAIN_BASE_SINCE = "in the base since then:"
NO_REASON = "(no note)"
ENTRY_STAMP = "({who}, {when})"
ENTRY_MOVE = "€ {amount} {owner} {source} → {target} {year}"
ENTRY_EDIT = "{cell}: {old} → {new}"
ENTRY_NOTE = "{gebied} · remark: {note}"
ENTRY_NOTE_REMOVED = "{gebied} · remark removed (was: {old})"
CL_SHORT = "CL"
BARS_TITLE = "Net budget per gebied in {year} (bar) and share of couleur locale"
CMD_COMPARE = "compare a base scenario with one or more variants"
ARG_COMPARE_ALL = "show and write all cells, including unchanged ones (default: only differences)"
ARG_COMPARE_OUT = "also write the comparison as CSV; - writes only the CSV to standard output"
COMPARE_WRITTEN = "{rows} comparison rows written to {output}."
STATUS_OVER = "over envelope: {amount} in {year}"
#: The library's status column when it is narrow: the worst year, by how much over.
STATUS_OVER_SHORT = "▲ {year} +{amount}"
ARG_LARGEST_FIRST = "sort by largest difference"

# -- library -----------------------------------------------------------------------
LIBRARY_BROKEN = "cannot load: {problem}"
LIBRARY_BROKEN_SHORT = "cannot load"
FIX_LIBRARY_BUNDLED = "first make a copy (duplicate) and change that"
FIX_RESTORE_EXISTS = "rename or move the file that is there now, and try again"
YES_BUTTON = "Yes (y)"
YES_LETTERS = "y"
NO_BUTTON = "No (n)"
NO_LETTERS = "n"
KEY_LIBRARY = "Library"
HELP_LIBRARY = "Scenario library: open, duplicate, rename, delete, compare"
KEY_OPEN = "Open"
HELP_OPEN = "Open the scenario (in the trash: restore it)"
KEY_FILTER = "Filter"
HELP_FILTER = "Filter by name or folder: type, Enter to go back to the list"
KEY_DUPLICATE = "Duplicate"
HELP_DUPLICATE = "Duplicate as a variant with a new name"
KEY_RENAME = "Rename"
HELP_RENAME = "Rename the scenario (and the file)"
KEY_DELETE = "Delete"
HELP_DELETE = "Move to the trash (can be restored)"
KEY_BASE = "Base"
HELP_BASE = "Mark as the base for the comparison"
KEY_VARIANT = "Variant"
HELP_VARIANT = "Mark as a variant for the comparison (more than one allowed)"
KEY_COMPARE = "Compare"
HELP_COMPARE = "Compare the base with the marked variants"
KEY_TRASH = "Trash"
HELP_TRASH = "Show the trash (Enter restores)"
KEY_BACK = "Back"
HELP_BACK = "Back to the previous screen"
LIBRARY_TITLE = "Scenario library  ·  b base, space variant, c compare, / filter"
TRASH_TITLE = "Trash  ·  Enter restores, Esc back to the library"
LIBRARY_FILTER = "Filter: type part of the name or folder"
#: Where a folder in the library comes from, by code.
SOURCE_KINDS = {"bundled": "example", "own": "own", "team": "team"}
#: The same in a narrow folder column (a team folder is then shown by its name alone).
SOURCE_KINDS_SHORT = {"bundled": "example", "own": "own"}
TEAM_FOLDER = "{kind}: {folder}"
LIBRARY_COLUMNS = ("", "Name", "Status", "Years", "Folder", "Changed")
#: Two scenarios of one name in one folder: the name column adds the file's.
LIBRARY_SAME_NAME = "{name} ({file})"
#: The detail line under the library: the row's last change, and its folder.
LIBRARY_CHANGED_BY = "changed {when} by {who} · {folder}"
LIBRARY_CHANGED = "changed {when} · {folder}"
TRASH_COLUMNS = ("File", "Original folder", "Deleted on")
MARK_BASE = "B"
MARK_VARIANT = "V{n}"
DUPLICATE_TITLE = "Duplicate as variant"
RENAME_TITLE = "Rename scenario"
VARIANT_SUGGESTION = "{name} variant"
DUPLICATED = "Variant saved: {file}"
RENAMED = "Renamed: {file}"
DELETED = "Moved to the trash: {file} (to restore: t, Enter)"
RESTORED = "Restored: {file}"
DELETE_TITLE = "Delete"
DELETE_QUESTION = "Move '{name}' to the trash? You can restore it later."
COMPARE_NEEDS_MARKS = "Mark a base (b) and at least one variant (space), then press c."
OPEN_DISCARD_TITLE = "Unsaved changes"
OPEN_DISCARD_QUESTION = (
    "The current scenario has unsaved changes. Open another one anyway?"
    " The changes will then be lost."
)
KEY_VIEW_ROWS = "Differences"
HELP_VIEW_ROWS = "Differences per gebied, post and year"
KEY_VIEW_TOTALS = "Totals"
HELP_VIEW_TOTALS = "Totals per scenario against the envelope"
KEY_VIEW_EXPLAIN = "Explain"
HELP_VIEW_EXPLAIN = "The recorded changes that explain the difference, with their notes"
KEY_VIEW_BARS = "Chart"
HELP_VIEW_BARS = "Bars: net budget per gebied per scenario, share of couleur locale"
KEY_ONLY_CHANGES = "All/changes"
KEY_VIEWS = "View"
HELP_ONLY_CHANGES = "Switch between only differences and all cells"
KEY_SORT = "Sort"
HELP_SORT = "Switch between file order and largest difference first"
HELP_BARS_YEAR = "Chart: another year"
HELP_EXPORT_COMPARISON = (
    "The comparison as CSV or Excel workbook (like 'gebiedsplanner compare -o')"
)
COMPARE_STATE = "{shown} of {total} cells · {filter} · {order}"
STATE_ONLY_CHANGES = "only differences"
STATE_ALL = "all cells"
STATE_LARGEST = "largest difference first"
STATE_FILE_ORDER = "order of the base"
COMPARE_FILE = "comparison.csv"

# -- undo / redo -----------------------------------------------------------------------
# An undo's or redo's reason goes into the change log of the shared scenario file.
KEY_UNDO = "Undo"
HELP_UNDO = "Undo the last change or move (it is logged)"
KEY_REDO = "Redo"
HELP_REDO = "Redo the last undone change"
NOTHING_TO_UNDO = "Nothing to undo in this session."
NOTHING_TO_REDO = "Nothing to redo."
LOCK_BUSY = (
    "another program has been writing to this file or another in its folder for quite a while"
)
FIX_LOCK_BUSY = "try again in a minute; nothing has been changed"
NO_LOCKS_HERE = "no write lock can be taken in this folder (a network share without locks?)"
FIX_NO_LOCKS_HERE = (
    "ask the administrator to share the folder with locks (NFS: lockd), or work in another folder"
)

# -- merging a colleague's changes ----------------------------------------------------
KEY_TOGGLE_CHOICE = "Flip choice"
KEY_ALL_OURS = "All mine"
KEY_ALL_THEIRS = "All colleague's"
KEY_AS_VARIANT = "As variant"
CONFLICT_TITLE = "A colleague has changed the same cells"
CONFLICT_EXPLAIN = (
    "Someone else has saved the file since you opened it. Changes in other"
    " cells have already been merged. Choose per cell which amount stays."
)
CONFLICT_COLUMNS = ("Cell", "was", "mine", "colleague", "choice")
CHOICE_OURS = "mine"
CHOICE_THEIRS = "colleague"
CONFLICT_KEYS = (
    "space: flip · a: all mine · c: all colleague's · s: save"
    " · v: save as variant · esc: back (nothing saved)"
)
RECOVER_CONFLICT_TITLE = "Recovered changes touch cells that were also changed on screen"
RECOVER_CONFLICT_EXPLAIN = (
    "An earlier session and what is on the screen now changed the same cells."
    " Changes in other cells are recovered too. Choose per cell which amount stays."
)
RECOVER_CONFLICT_COLUMNS = ("Cell", "was", "recovered", "on screen", "choice")
CHOICE_RECOVERED = "recovered"
CHOICE_ON_SCREEN = "on screen"
RECOVER_CONFLICT_KEYS = (
    "space: flip · a: all recovered · c: all on screen · s: recover"
    " · esc: decide later (the journal is kept)"
)
MERGED = "Merged with a colleague's changes and saved in {file}."
CHANGED_SHAPE = (
    "the structure of the file has changed meanwhile (gebieden, posts or years):"
    " merging cell by cell is not possible"
)
FIX_CHANGED_SHAPE = "save your version as a variant (S) and compare the two in the library (l)"

# -- crash journal and recovery ---------------------------------------------------------
JOURNAL_GONE = "the recovery journal was deleted while you were working"
FIX_JOURNAL_GONE = "a new journal has been started with all your unsaved changes"
JOURNAL_CLOSED = "the recovery journal is already closed"
FIX_JOURNAL_CLOSED = "save, or open the scenario again"
JOURNAL_FAILED = "this change is on the screen, but could not be written to the recovery journal"
FIX_JOURNAL_FAILED = "save as soon as possible (ctrl+s); the change itself is not lost"
REASON_TOO_LONG = (
    "The note is {count} characters long; more than 100.000 must be a pasting mistake."
    " Nothing was changed: shorten the note."
)
STALE_CHANGE = "{cell} is no longer {old} but {now}: this step no longer fits and was skipped"
STALE_NOTE = (
    "the remark of {gebied} has changed meanwhile: this step no longer fits and was skipped"
)
# The name of a recovered variant is written into its file (and names the file).
RECOVERED_VARIANT = "{name} (recovered)"
RECOVER_TITLE = "Unsaved changes found"
RECOVER_QUESTION = (
    "There are unsaved changes ({count}) to {file} from {since}. What would you like to do?"
)
RECOVER_QUESTION_MANY = (
    "There are unsaved changes ({count}) to {file} from {sessions} sessions"
    " (the first from {since}). Recovering brings them all back. What would you like to do?"
)
RECOVER_SINCE_UNKNOWN = "an unknown time"
RECOVER_SKIPPED = (
    "\n{count} recorded steps are unreadable or no longer fit the file:"
    " they are not recovered; the journal is kept."
)
RECOVER_SESSION = "session of {who}, started {since}:"
RECOVER_KEYS = "r: recover · s: show · d: discard · esc: decide later"
RECOVER_BUTTON = "Recover (r)"
RECOVER_LETTERS = "r"
SHOW_BUTTON = "Show (s)"
SHOW_LETTERS = "s"
DISCARD_BUTTON = "Discard (d)"
DISCARD_LETTERS = "d"
RECOVERED = "{count} changes recovered; not saved yet."
RECOVERED_KEPT = "The journal with what could not be recovered is kept in {file}."
RECOVERED_AS_VARIANT = "Changes to an earlier structure of this file were kept as a variant: {file}"
RECOVER_LATER = "Not recovered; the changes will be offered again next time."
DISCARDED = "Changes discarded (kept in {file})."
#: The word a journal set aside has in its file name (``<journal>.jsonl.discarded-<when>``),
#: by why: the messages above name that file. Letters only: it is part of a file name.
JOURNAL_ASIDE = {"discarded": "discarded", "damaged": "damaged"}
ALSO_EDITING = (
    "Also open for editing by {who}. When you save, your changes are merged cell by cell."
)
ALSO_EDITING_READ_ONLY = (
    "Also open for editing by {who}. What they save shows when you open the scenario again."
)
EDITOR_NOTE = "{user} on {host} since {since}"
EDITORS_MORE = "{who} and {count} others"
KEY_HISTORY = "History"
HELP_HISTORY = "Change log of the cell under the cursor (a: whole scenario)"
KEY_HISTORY_SCOPE = "Cell / all"
HISTORY_EMPTY = "No changes recorded yet."
HISTORY_ALL = "Change log of the whole scenario (newest first)"
HISTORY_CELL = "Change log of {cell} (newest first)"
HISTORY_KEYS = "a: this cell / whole scenario · esc: close"
KEY_POLICY = "Policy"
HELP_POLICY = "Policy rules: where the plan breaks them (! after an amount)"
POLICY_TITLE = "Policy rules (broken {count} times)"
POLICY_RULES = "Rules of this scenario:"
POLICY_NO_RULES = "This scenario has no policy rules (a table [beleid] in the file)."
POLICY_PER_YEAR = "Per year: {years}"
POLICY_YEAR_COUNT = "{year}: {count}"
POLICY_YEAR = "{year}:"
POLICY_ALL_MET = "The plan meets all rules."
POLICY_KEYS = "! after an amount: breaks a rule · esc: close"

# -- terminal and crashes ---
CRASH_APP = (
    "Unexpected error: gebiedsplanner has stopped. Unsaved changes are in the"
    " recovery journal and will be offered at the next start. {where}"
)
OUTPUT_FAILED = (
    "gebiedsplanner: the output could not be written: {why}. What the command did is"
    " done (a move is saved); only this report is missing.\n"
    "    fix: make room, or send the output to another disk"
)
OUTPUT_FULL = "there is no room left (the disk or your quota is full)"
OUTPUT_GONE = "the terminal or device no longer responds"
CRASH_COMMAND = "Unexpected error: gebiedsplanner {command} has stopped. {where}"
CRASH_START = "Unexpected error: gebiedsplanner could not start. {where}"
CRASH_LOG_WRITTEN = "Error report: {file}"
CRASH_LOG_FAILED = "The error report could not be saved in {folder} ({reason}); the error: {error}"

# -- ssh-serve: advisers and the server ------------------------------------------
ADVISERS_NOT_UTF8 = "the file is not UTF-8 text"
FIX_ADVISERS_UTF8 = "save the file as UTF-8 (as ssh-keygen writes it)"
ADVISER_NO_KEY = "no key: expected KEYTYPE KEY NAME, perhaps with options before it"
ADVISER_BAD_KEY = "the key is damaged (not valid base64, or not of this key type)"
FIX_ADVISER_LINE = (
    "copy the line again from the adviser's .pub file and put the name after it,"
    " for example: ssh-ed25519 AAAA... anna"
)
ADVISER_NO_NAME = "the key has no name (the comment after the key)"
ADVISER_BAD_NAME = (
    "the name after the key may hold only letters, digits, spaces and .-_' (64 characters at most)"
)
FIX_ADVISER_NAME = "put the adviser's name after the key, for example: ssh-ed25519 AAAA... anna"
ADVISER_KEY_TWICE = "this key is already on an earlier line; that line counts"
FIX_KEY_TWICE = "remove one of the two lines"
ADVISER_BAD_OPTIONS = "the options before the key cannot be read"
ADVISER_UNKNOWN_OPTION = "unknown option {option}"
FIX_ADVISER_OPTIONS = (
    'use only gebieden="Charlois,Noord" and alleen-lezen (read-only), separated by commas'
    " without spaces, before the key type"
)
CMD_SSH_SERVE = "serve the planner as an SSH server: advisers log in with their key (asyncssh)"
ARG_HOST = "address to listen on (default 127.0.0.1: this machine only)"
ARG_PORT = "port (default 2222)"
BAD_PORT = "a port is a number from 0 to 65535"
ARG_AUTHORIZED_KEYS = (
    "file with the advisers' keys, in OpenSSH format; the name after each key is the adviser"
)
ARG_HOST_KEY = "the server's own key (default: made on first start)"
SSH_LISTENING = "gebiedsplanner listens on {host}:{port}; server key {fingerprint}"
SSH_ADVISERS = "{count} adviser(s) from {file}"
SSH_STOPPING = "gebiedsplanner stops: the sessions are ended (their journals stay)"
SSH_ENDED_BY_SERVER = (
    "\r\nThe server stops. Unsaved changes are in your recovery journal and are offered"
    " the next time you log in.\r\n"
)
SSH_NEEDS_TERMINAL = (
    "gebiedsplanner needs a terminal: log in with ssh -t, or give a command"
    " (summary, export, compare, report)\r\n"
)
SSH_COMMAND_REFUSED = "command refused: {command}: {why}\r\n"
SSH_COMMAND_TOO_LONG = "the command is too long"
SSH_COMMAND_UNREADABLE = "the command cannot be read (a quote stands alone)"
SSH_COMMAND_UNKNOWN = "only summary, export, compare and report run here"
SSH_COMMAND_CHOICE = "{option} is one of: {allowed}"
SSH_COMMAND_OPTION = "option {option} is not available here: over ssh {command} takes {takes}"
SSH_COMMAND_OPTION_LOCAL = (
    "option {option} is not available here: over ssh the server speaks its own language, and"
    " gebiedsplanner on your own computer gives help and its version; over ssh {command}"
    " takes {takes}"
)
SSH_COMMAND_NO_OPTIONS = "no options"
SSH_COMMAND_TO_TERMINAL = "{why}; give the command without -t, with > {file}"
SSH_COMMAND_FILES = (
    "summary and export take one scenario, compare a base and one to nineteen variants,"
    " report a scenario and up to nineteen variants"
)
SSH_COMMAND_NOT_A_NAME = (
    "{name} is not a file name: name a scenario as the library shows it, without a folder"
)
SSH_COMMAND_NO_FILE = "{name} is not in the shared folders"
SSH_HOST_KEY_MADE = "new server key made: {file}"
SSH_HOST_KEY_BAD = "the server key cannot be read"
FIX_HOST_KEY = "give an OpenSSH private key with --host-key, or remove the file"
SSH_PORT_IN_USE = "port {port} on {host} cannot be used: {why}"
FIX_PORT_IN_USE = "choose another port with --port, or stop the program that uses it"

# -- ssh-serve: the limits on what a client may take ----------------------------------
ARG_MAX_TERMINALS_PER_ADVISER = "terminal sessions per adviser at once (default 3)"
ARG_MAX_TERMINALS_PER_CONNECTION = "terminal sessions per connection (default 1)"
ARG_MAX_CHANNELS_PER_CONNECTION = (
    "channels (sessions and commands) one connection may have open (default 10)"
)
ARG_MAX_SESSIONS = "sessions and commands at once, of all advisers together (default 50)"
ARG_MAX_CONNECTIONS_PER_ADVISER = "logged-in connections per adviser at once (default 10)"
ARG_MAX_UNAUTHENTICATED_PER_ADDRESS = (
    "connections per address that have not logged in yet (default 20)"
)
ARG_MAX_UNAUTHENTICATED = (
    "connections that have not logged in yet, from all addresses together (default 100)"
)
ARG_MAX_COMMANDS_PER_ADVISER = (
    "commands (ssh host summary ...) per adviser at once (default 2)"
)
ARG_MAX_COMMAND_MEGABYTES = (
    "MB one command may read: the sizes of its scenarios added up (default 16)"
)
ARG_MAX_COMMAND_SECONDS = (
    "seconds one command may run; then it is stopped (default 120)"
)
ARG_MAX_IDLE_SECONDS = (
    "seconds without a key after which a session ends; its journal stays"
    " (default 1800)"
)
BAD_LIMIT = "a limit is a whole number from 1 to 1,000,000,000"
LIMIT_TERMINALS_PER_ADVISER = (
    "you already have as many sessions open as allowed ({limit}): close one and try again"
)
LIMIT_TERMINALS_PER_CONNECTION = (
    "this connection already has as many sessions as allowed ({limit}): open a new connection"
    " for another"
)
LIMIT_CHANNELS_PER_CONNECTION = (
    "this connection already has as many channels open as allowed ({limit}): close one, or"
    " open a new connection"
)
LIMIT_SESSIONS = (
    "the server already runs as many sessions and commands as it allows ({limit}): try again"
    " in a few minutes"
)
LIMIT_CONNECTIONS_PER_ADVISER = (
    "you already have as many connections open as allowed ({limit}): close one and try again"
)
LIMIT_UNAUTHENTICATED_PER_ADDRESS = (
    "your address already has as many connections not yet logged in as allowed ({limit}):"
    " try again shortly"
)
LIMIT_UNAUTHENTICATED = (
    "the server already has as many connections not yet logged in as it allows ({limit}):"
    " try again shortly"
)
LIMIT_COMMANDS_PER_ADVISER = (
    "you already have as many commands running as allowed ({limit}): wait until one has finished"
)
LIMIT_COMMAND_MEGABYTES = (
    "the scenarios come to {size} together, more than one command may read ({limit}): name fewer"
)
LIMIT_COMMAND_SECONDS = "the command was stopped: it ran longer than allowed ({limit})"
LIMIT_IDLE_SECONDS = (
    "The session was ended after {limit} without a key. Unsaved changes are in your recovery"
    " journal and are offered the next time you log in."
)
LIMIT_MEGABYTES = "{count} MB"
LIMIT_MINUTES = "{count} min"
LIMIT_SECONDS = "{count} s"

# -- what a session may change (ssh-serve: the limits on a key's line) -----------
RIGHTS_READ_ONLY = "this session may only read: nothing can change (alleen-lezen on your key)"
RIGHTS_READ_ONLY_FILES = (
    "this session may only read: no scenario can be saved, copied or renamed"
    " (alleen-lezen on your key)"
)
RIGHTS_OTHER_GEBIED = "{gebied} is read-only: you may change only {gebieden} (your key)"
RIGHTS_CITY_POSTS = "the city-wide posts are read-only: you may change only {gebieden} (your key)"
RIGHTS_NO_MANAGING = (
    "you may change only {gebieden}: renaming or deleting a team scenario is not"
    " allowed (your key); copying is (d)"
)
RIGHTS_TITLE_READ_ONLY = " · read-only"
RIGHTS_TITLE_GEBIEDEN = " · may change: {gebieden}"
RIGHTS_TITLE_GEBIEDEN_MORE = " · may change: {gebieden} +{more}"
RIGHTS_TITLE_GEBIEDEN_COUNT = " · may change: {count} gebieden"
RIGHTS_TITLE_ONE_GEBIED = " · may change: 1 gebied"
RIGHTS_SAID_READ_ONLY = "Read-only (your key): what changes or saves anything is not in this list."
RIGHTS_SAID_GEBIEDEN = (
    "You may change: {gebieden} (your key). The other gebieden and the stedelijk posts"
    " are read-only."
)
ARG_READ_ONLY = "read only: change or save nothing (ssh-serve sets this for alleen-lezen)"
ARG_MAY_CHANGE = "only this gebied may change (may be repeated; ssh-serve sets this for gebieden=)"
ARG_CONFINED = "write only into the scenario folders, exports too (ssh-serve sets this)"
EXPORT_OUTSIDE = "this session writes nothing outside the scenario folders"
FIX_EXPORT_OUTSIDE = "choose a file in one of these folders: {folders}"
STATUS_UNSAVED = "● recover ({count}); {status}"
STATUS_UNSAVED_SHORT = "● recover ({count})"
#: The scenario open in this session, with changes not saved yet: nothing to recover.
STATUS_OPEN_HERE = "● open, unsaved ({count}); {status}"
STATUS_OPEN_HERE_SHORT = "● open"
#: Open in another session of the same user that still runs: nothing to recover either.
STATUS_OPEN_ELSEWHERE = "● open in another window ({count}); {status}"
STATUS_OPEN_ELSEWHERE_SHORT = "● open elsewhere"
LIBRARY_UNSAVED = (
    "Unsaved changes from an earlier session in: {names}. Open the scenario to get them back."
)
SSH_BAD_TERMINAL = (
    "unknown terminal type {term}: set TERM to a plain type, such as xterm-256color\r\n"
)
LINK_LEADS_OUT = "a link to a file outside this folder: it cannot be opened here"
FIX_LINK_LEADS_OUT = "ask the operator to put the file itself in the folder, not a link"

# -- Excel workbooks -----------------------------------------------------------------
#: The plan workbook's sheets (the comparison's: XLSX_DIFFERENCES, _TOTALS, _EXPLAINED).
XLSX_PLAN = "Plan"
XLSX_ENVELOPE = "Envelope"
XLSX_CHANGES = "Changes"
XLSX_GEBIED = "Gebied"
XLSX_POST = "Post"
XLSX_NOTE = "Remark"
XLSX_CITY = "city-wide"
XLSX_TOTAL = "Total"
XLSX_ENVELOPE_HEADERS = (
    "Year",
    "Envelope",
    "Planned",
    "Room",
    "Taakstelling imposed",
    "Taakstelling distributed",
    "Taakstelling still to distribute",
)
XLSX_CHANGES_HEADERS = ("When", "Who", "Action", "Cell", "Old", "New", "Toelichting")
XLSX_POLICY_TITLE = "Policy rules broken: {count}"
#: A date cell's format (Excel's codes, the same in every language of Excel).
XLSX_DATE_FORMAT = "yyyy-mm-dd hh:mm"
#: The right of every printed page's footer (``&P`` and ``&N`` are filled in by Excel).
XLSX_PAGE = "page {page} of {pages}"
#: A moment in a footer or a report (``strftime``).
DATE_TIME_FORMAT = "%Y-%m-%d %H:%M"
ARG_EXPORT_FORMAT = (
    "csv or xlsx (an Excel workbook); default: xlsx when OUT ends in .xlsx, else csv"
)
EXPORTED_WORKBOOK = "Workbook written: {output} (sheets Plan, Envelope, Changes)"
XLSX_COMPARE_HEADERS = (
    "Base scenario",
    "Variant",
    "Gebied",
    "Post",
    "Year",
    "Base",
    "Variant amount",
    "Difference",
)
XLSX_COMPARE_TOTALS_HEADERS = ("Year", "Scenario", "Envelope", "Planned", "Room")
XLSX_EXPLANATION = "Explanation"
XLSX_DIFFERENCES = "Differences"
XLSX_TOTALS = "Totals"
XLSX_EXPLAINED = "Explanation"
XLSX_COMPARE_TITLE = "Comparison with {base}"
ARG_COMPARE_FORMAT = (
    "csv or xlsx (an Excel workbook with differences, totals and explanation);"
    " default: from the name after -o"
)
EXPORTED_WORKBOOK_COMPARE = "Workbook written: {output} (sheets Differences, Totals, Explanation)"

# -- chart view (v) -----------------------------------------------------------------
CHART_TITLE = "Chart  ·  {name}"
CHART_GEBIEDEN = "Budget per gebied in {year} (net, and the couleur locale share)"
CHART_LEGEND = "{cl} couleur locale  {go} gebiedsopdracht  {ts} taakstelling"
CHART_LEGEND_MINIMUM = "{mark} couleur locale minimum ({pct})"
CHART_YEARS = "Planned per year (│ = envelope)"
CHART_OVER = "▲ over"
CHART_KEYS = "] [ year · esc/v: back"
KEY_CHART = "Chart"
HELP_CHART = "chart: budget per gebied and planned per year against the envelope"

# -- the HTML report -------------------------------------------------------------------
REPORT_LANG = "en"
REPORT_YEARS = "Planned per year against the envelope"
REPORT_YEAR_HEADERS = ("year", "envelope", "planned", "room", "taakstelling still to distribute")
REPORT_MADE = "Made on {when}."
REPORT_MADE_FROM = "Made on {when}, from these files:"
REPORT_SOURCE_HEADERS = ("scenario", "file", "SHA-256 (start)")
REPORT_COMPOSITION = "Budget per gebied in {year}: couleur locale, gebiedsopdracht and taakstelling"
REPORT_SHARE = "Couleur locale share of the net budget per gebied in {year}"
REPORT_MINIMUM = "minimum {pct}"
REPORT_GEBIEDEN = "Per gebied"
REPORT_NET = "net"
REPORT_CITY = "City-wide (stedelijk) posts"
REPORT_CITY_POST = "post"
REPORT_CITY_TOTAL = "total city-wide"
REPORT_NOTE = "Remark:"
REPORT_DIFFERENCES = "Differences with the variants"
REPORT_DIFFERENCE_HEADERS = ("variant", "gebied", "post", "year", "base", "variant", "difference")
REPORT_EXPLAINED = "Explanation: the recorded changes and their reasons"
CMD_REPORT = "a report to share: HTML (offline too) or PDF, with tables and charts, A4"
ARG_REPORT_OUT = (
    "the file: .html or .pdf; without -o, or with -o -, the report goes to standard output"
)
ARG_REPORT_FORMAT = "html or pdf (printed by Chromium); default: by the name of -o, else html"
REPORT_WRITTEN = "Report written: {output}"
WORKBOOK_TO_TERMINAL = "a workbook is not text: on the screen it is unreadable"
FIX_WORKBOOK_TO_TERMINAL = "write it to a file: -o plan.xlsx, or > plan.xlsx"
