"""Every user-facing text, in Dutch, in one place; :mod:`gebiedsplanner.i18n.texts_en` has them
in English under the same names, and :mod:`gebiedsplanner.i18n.language` switches between them.
What files store is not a text: see :mod:`gebiedsplanner.core.log_words`.

Templates use ``str.format`` fields. Domain words stay the users' own:
gebied, couleur locale, gebiedsopdracht, taakstelling, envelope, toelichting.
"""

from __future__ import annotations

# -- posts and actions ---------------------------------------------------------
POST_LABELS = {
    "couleur_locale": "couleur locale",
    "gebiedsopdracht": "gebiedsopdracht",
    "taakstelling": "taakstelling",
}

#: The change log's action codes (files store the code) in the users' words.
ACTION_LABELS = {
    "edit": "wijziging",
    "move": "verschuiving",
    "undo": "ongedaan gemaakt",
    "redo": "opnieuw gedaan",
    "distribute": "verdeling",
    "fit": "passend maken",
    "couleur-locale": "couleur locale verhoogd",
    "copy-year": "jaar gekopieerd",
    "note": "notitie",
}

# -- amounts typed by users ----------------------------------------------------
AMOUNT_EMPTY = "Typ een bedrag, bijvoorbeeld 250.000, +25.000 of -10%."
AMOUNT_NO_CENTS = "Alleen hele euro's: laat de centen weg (250.000 in plaats van 250.000,50)."
AMOUNT_BAD_GROUPING = (
    "'{text}' is geen bedrag: gebruik de punt alleen voor duizendtallen (250.000)."
)
#: Said wherever an amount of whole euros is read; the edit line, a move and a tool's
#: amount each say what else they take (every example given is taken there).
AMOUNT_EMPTY_WHOLE = "Typ een bedrag in hele euro's, bijvoorbeeld 250.000."
AMOUNT_NOT_A_NUMBER = "'{text}' is geen bedrag. Voorbeelden: 250.000, 250000."
AMOUNT_ENTRY_NOT_A_NUMBER = "'{text}' is geen bedrag. Voorbeelden: 250.000, +25.000, -25.000, -10%."
#: Without the examples: for a line too narrow for them (the notification shows them).
AMOUNT_ENTRY_NOT_A_NUMBER_SHORT = "'{text}' is geen bedrag."
AMOUNT_ENTRY_NOT_A_NUMBER_SHORTEST = "geen bedrag"
AMOUNT_NOT_NEGATIVE = "'{text}': hier geen negatief bedrag. Voorbeelden: 250.000, 250000."
AMOUNT_NO_PERCENT = (
    "'{text}': hier hoort een bedrag in hele euro's, geen percentage. Voorbeelden: 250.000, 250000."
)
AMOUNT_TOO_LARGE = "bedrag groter dan {limit} euro: dat is vrijwel zeker een tikfout"
AMOUNT_BAD_PERCENT = "'{text}' is geen percentage. Voorbeelden: -10%, +2,5%."
AMOUNT_BAD_PERCENT_SHORT = "'{text}' is geen percentage."
AMOUNT_BAD_PERCENT_SHORTEST = "geen percentage"
AMOUNT_PERCENT_NEEDS_SIGN = "Geef bij een percentage + of - op: -10% of +5%."
AMOUNT_NEGATIVE = "{post} kan niet negatief zijn"
TAAKSTELLING_POSITIVE = "een taakstelling is een bezuiniging en kan niet positief zijn"
#: A gebied's note (``o``, the scenario file's ``notitie``) that cannot be.
NOTE_TOO_LONG = "een notitie mag hoogstens {limit} tekens lang zijn; deze is {length} tekens"
NOTE_CONTROL_CHARACTER = "een notitie kan geen stuurteken ({char}) bevatten"

# -- edits ---------------------------------------------------------------------
MOVE_AMOUNT_POSITIVE = "Het te verschuiven bedrag moet groter dan 0 zijn."
MOVE_AMOUNT_EMPTY = (
    "Typ hoeveel: een bedrag, zoals 25.000, of een percentage van de van-cel,"
    " zoals 10%."
)
MOVE_AMOUNT_NOT_A_NUMBER = (
    "'{text}' is geen bedrag om te verschuiven. Voorbeelden: 25.000, 25000, +25.000,"
    " of een percentage van de van-cel: 10%, 12,5%."
)
MOVE_AMOUNT_NEGATIVE = (
    "'{text}': verschuiven gaat altijd van de van-cel naar de naar-cel. Geef een positief"
    " bedrag (25.000) of percentage (10%), of wissel van en naar om."
)
MOVE_PERCENT_NOTHING = (
    "'{percent}' van {amount} (de van-cel) geeft geen bedrag om te verschuiven; geef een bedrag,"
    " zoals 25.000."
)
MOVE_PERCENT_OF = "{percent} van {whole} = {amount}"
MOVE_SAME_YEAR = "Verschuiven kan alleen binnen hetzelfde jaar."
MOVE_SAME_CELL = "Van en naar zijn dezelfde post: kies een andere bestemming."
UNKNOWN_GEBIED = "Onbekend gebied '{name}'."
UNKNOWN_POST = "Onbekende post '{post}' bij {owner}; bekend: {known}."
UNKNOWN_YEAR = "Onbekend jaar {year}; dit scenario heeft {years}."
DID_YOU_MEAN = " Bedoelt u '{name}'?"
NOT_EDITABLE_NET = (
    "Netto is berekend (couleur locale + gebiedsopdracht + taakstelling): wijzig een post."
)
BAD_ADDRESS = (
    "'{text}' is geen cel: schrijf GEBIED/POST/JAAR, bijvoorbeeld Charlois/couleur_locale/2017."
)

# -- planning tools (distribute, fit, couleur locale, copy a year) -----------------
#: A tool's parameters in words, heading its preview. In Dutch exactly what the change
#: log stores (each tool's LOG_WORDS: the file's words, whatever the screen's language).
KEY_WORDS = {"begroting": "naar begroting", "inwoners": "naar inwoners", "gelijk": "gelijk"}
REASON_DISTRIBUTE = "verdeling taakstelling {year} {key}"
REASON_FIT = "passend maken {year} op de envelope via {post}"
REASON_RAISE = "couleur locale {year} naar minstens {share} van het netto budget"
REASON_COPY = "jaar {source} naar {target} gekopieerd, index {index}"
REASON_ALL = ", alles opnieuw"
REASON_HOLD = ", vast: {names}"
REASON_FLOOR = ", bodem {floor}"
REASON_UNIT = ", per {unit}"
REASON_USER = "; {reason}"
KEY_LABELS = {"begroting": "naar begroting", "inwoners": "naar inwoners", "gelijk": "gelijk"}
FIGURE_TAAKSTELLING = "taakstelling {year}"
FIGURE_POST = "{post} {year}"
FIGURE_NET = "netto {year}"
CHECK_EXACT = "Controle: {left} = {right}: klopt tot op de euro."
CHECK_WRONG = "Controle: {left} ≠ {right}: klopt NIET; er wordt niets gewijzigd."
CHECK_DISTRIBUTE = ("verdeelde taakstelling {total}", "opgelegd {imposed}")
CHECK_FIT = ("gepland {planned}", "envelope {envelope}")
CHECK_RAISE = ("netto alle gebieden na {after}", "ervoor {before}")
CHECK_COPY_LEFT = "{target} wordt {total}"
CHECK_COPY_RIGHT = "{source} × {factor}"
CHECK_COPY_ROUNDED = (
    "Controle: {target} wordt {total}; {source} × {factor} is {exact}; het verschil komt van"
    " de afronding op hele euro's per cel ({cells} cellen, elk hoogstens 0,50)."
)
NOTE_HELD = "Vast gehouden (ongewijzigd): {names}."
NOTE_FLOOR = (
    "Tot de bodem van {floor} netto gekort: {names}; wat zij niet konden dragen, ging naar de"
    " andere gebieden ({key})."
)
NOTE_UNDER_FLOOR = "Al onder de bodem van {floor} netto, dus niet gekort: {names}."
NOTE_ZERO_FLOOR = (
    "Tot netto 0 gekort (zonder bodem gaat een gebied niet onder 0): {names}; de rest ging naar"
    " de andere gebieden ({key})."
)
NOTE_UNDER_ZERO = "Netto al 0 of minder, dus niet gekort: {names}."
NOTE_BACK_TO_ZERO = (
    "Taakstelling terug naar 0: {names}; de rest ging naar de andere gebieden ({key})."
)
NOTE_POST_TO_ZERO = "{post} naar 0: {names}; de rest ging naar de andere gebieden."
NOTE_EXTRA = "De losse euro's van de afronding (grootste rest, bij gelijke rest op naam): {names}."
NOTE_EXTRA_UNIT = (
    "Verdeeld in veelvouden van {unit}; wat overbleef (grootste rest, bij gelijke rest op naam)"
    " ging naar: {names}."
)
NOTE_NOTHING_TO_DO = "Niets te doen: {why}"
WHY_DISTRIBUTED = "de taakstelling van {year} is al precies verdeeld."
WHY_FITS = "{year} sluit al precies op de envelope."
WHY_SHARE_MET = "elk gebied heeft al minstens {share} couleur locale."
WHY_SAME_YEAR = "{target} is al gelijk aan {source} × {factor}."
NOTE_SHARE_MET = "Al minstens {share}, ongewijzigd: {count} gebieden."
NOTE_COPY_SCOPE = (
    "Envelope en opgelegde taakstelling van {target} blijven zoals ze zijn ({envelope} en"
    " {imposed}): kijk na het toepassen naar de ruimte en wat nog te verdelen is."
)
NOTE_NO_NET = "Geen netto budget, overgeslagen: {names}."
NAMES_MORE = "{names} en {count} andere"
TOOL_ALL_HELD = "Alle gebieden staan vast: er is niemand om {amount} over te verdelen."
TOOL_SHORT_FLOOR = (
    "Dat past niet: met deze bodem en vaste gebieden komt de verdeling {short} tekort."
)
TOOL_SHORT_BACK = (
    "Dat past niet: {short} aan taakstelling kan niet terug. Een taakstelling gaat niet boven 0,"
    " en een gebied dat in de sleutel ({key}) 0 weegt, krijgt niets terug; probeer een andere"
    " sleutel (gelijk)."
)
TOOL_SHORT_POST = "Dat past niet: {post} kan niet onder 0; het komt {short} tekort."
TOOL_SHORT_OPDRACHT = (
    "Dat past niet: de gebiedsopdracht is te klein in {names}; samen {short} tekort."
)
TOOL_NO_BASIS = "De sleutel {key} geeft geen verdeling: alle gebieden hebben 0."
TOOL_NO_BASIS_POST = "Naar verhouding kan niet: {post} is overal 0."
TOOL_NO_INWONERS = "Geen inwoners opgegeven voor: {names}. Kies een andere sleutel of vul ze aan."
TOOL_BAD_UNIT = "De eenheid moet een heel bedrag van minstens 1 euro zijn."
TOOL_SAME_YEAR = "Van- en naar-jaar zijn hetzelfde: kies twee verschillende jaren."
TOOL_BAD_INDEX = "Een index van {index} maakt alles 0 of negatief: kies meer dan -100%."
TOOL_BAD_SHARE = "Een aandeel moet tussen 0% en 100% liggen, niet {share}."
TOOL_NOTHING_APPLIED = "Niets gewijzigd."
TOOL_COLUMN_OWNER = "gebied"
TOOL_COLUMNS = ("{figure} oud", "nieuw", "verschil", "")
MARK_HELD = "vast"
MARK_FLOOR = "tot bodem"
MARK_UNDER_FLOOR = "onder bodem"
MARK_ZERO = "tot netto 0"
MARK_UNDER_ZERO = "netto ≤ 0"
MARK_BACK_TO_ZERO = "terug tot 0"
MARK_EXTRA = "+ afronding"
MARK_NO_NET = "geen netto"
TOOL_APPLIED = "Toegepast als één stap ({cells}) en opgeslagen in {file}."
TOOL_DRY_RUN = "Proefrun: niets opgeslagen. Zonder --dry-run wordt dit toegepast."
TOOL_NOTHING_SAVED = "Er is niets te wijzigen; het bestand blijft zoals het was."
FIX_TOOL = "pas de opties aan (zie --help bij deze opdracht) en probeer het opnieuw"
FIX_TOOL_BUNDLED = "probeer het met --dry-run, of kopieer het voorbeeld eerst naar uw eigen map"
PARAM_NOT_A_CHOICE = "'{text}' kan hier niet: kies uit {choices}."
HOLD_NOT_A_GEBIED = "--hold noemt gebieden; stedelijk is geen gebied."
CMD_DISTRIBUTE = "verdeel de nog te verdelen taakstelling van een jaar over de gebieden"
CMD_FIT = "maak een jaar passend op de envelope via één post, naar verhouding"
CMD_COULEUR_LOCALE = "verhoog couleur locale (uit gebiedsopdracht) tot een minimumaandeel"
CMD_COPY_YEAR = "kopieer alle bedragen van een jaar naar een ander jaar, geïndexeerd"
ARG_YEAR = "het jaar, bijvoorbeeld 2017"
ARG_KEY = "verdeelsleutel: begroting (netto budget, standaard), inwoners of gelijk"
ARG_HOLD = "laat dit gebied ongewijzigd (mag vaker)"
ARG_FLOOR = "minimaal netto budget per gebied, bijvoorbeeld 1.000.000"
ARG_ALL = "maak eerst de taakstelling van alle gebieden 0 en verdeel het hele opgelegde bedrag"
ARG_UNIT = "verdeel in veelvouden van dit bedrag, bijvoorbeeld 1000"
ARG_TOOL_REASON = "toelichting, achter de parameters in het wijzigingslog"
ARG_DRY_RUN = "laat alleen zien wat er zou veranderen; sla niets op"
ARG_POST = "de post die meebeweegt"
ARG_MIN_SHARE = "minimaal aandeel couleur locale in het netto budget, bijvoorbeeld 10% of 12,5%"
ARG_FROM_YEAR = "het jaar om te kopiëren"
ARG_TO_YEAR = "het jaar dat de bedragen krijgt (bestaat al in het scenario)"
ARG_INDEX = "indexatie, bijvoorbeeld 2,5% (of -1%)"
TOOL_TITLE = "Gereedschap · {name}"
TOOL_NAMES = {
    "distribute": "Taakstelling verdelen",
    "fit": "Passend op de envelope",
    "couleur-locale": "Couleur locale verhogen",
    "copy-year": "Jaar kopiëren",
}
TOOL_LABEL_TOOL = "Gereedschap"
TOOL_LABEL_YEAR = "Jaar"
TOOL_LABEL_KEY = "Sleutel"
TOOL_LABEL_FLOOR = "Bodem"
TOOL_LABEL_UNIT = "Per"
TOOL_LABEL_ALL = "alles opnieuw: nee"
TOOL_LABEL_ALL_ON = "alles opnieuw: ja"
TOOL_LABEL_POST = "Via post"
TOOL_LABEL_SHARE = "Minimaal aandeel couleur locale"
TOOL_LABEL_TO_YEAR = "Naar jaar"
TOOL_LABEL_INDEX = "Index"
TOOL_LABEL_HOLDS = "Vast"
TOOL_LABEL_REASON = "Toelichting"
TOOL_FLOOR_PLACEHOLDER = "geen"
TOOL_HOLDS_PLACEHOLDER = "gebieden die niet veranderen, met komma's: Pernis, Rozenburg"
TOOL_KEYS = "Enter: toepassen · Tab: volgend veld · spatie: kies uit lijst · Esc: terug"
TOOL_ROWS_CUT = "De eerste {shown} van {count} gebieden staan hierboven; alle tellen mee."
TOOL_APPLIED_NOTICE = "{action}: {cells} gewijzigd, als één stap; ctrl+z maakt het ongedaan."
CELLS = ("{count} cel", "{count} cellen")
KEY_APPLY = "Toepassen"
PALETTE_THEME = "Thema"
PALETTE_THEME_HELP = "Kies andere kleuren voor het scherm (bewaard voor de volgende keer)"
PALETTE_QUIT = "Stoppen"
PALETTE_QUIT_HELP = "Stop gebiedsplanner (vraagt eerst bij niet-opgeslagen wijzigingen)"
PALETTE_PLACEHOLDER = "Zoek een opdracht…"
PALETTE_THEME_PLACEHOLDER = "Zoek een thema…"
PALETTE_NO_MATCHES = "Niets gevonden"
HOW_TO_QUIT_TITLE = "Stoppen?"
HOW_TO_QUIT = "ctrl+c stopt het programma niet. Stoppen: q of ctrl+q."
TOOL_PREVIEW_PENDING = "Het voorbeeld wordt nog bijgewerkt: bekijk het en druk dan op Enter."
TOOL_PREVIEW_STALE = "Voorbeeld wordt bijgewerkt voor de nieuwe instellingen…"
KEY_TOOLS = "Gereedschap"
HELP_TOOLS = (
    "Gereedschap: taakstelling verdelen, passend maken op de envelope, couleur locale"
    " verhogen, jaar kopiëren"
)
PERCENT_BAD = "'{text}' is geen percentage. Voorbeelden: 10%, 12,5%."
PERCENT_COMMA = "'{text}': schrijf decimalen met een komma (12,5%); een punt is een duizendtal."
PERCENT_TOO_LONG = "'{text}': hoogstens 6 cijfers voor en 6 na de komma."

# -- problems with files -------------------------------------------------------
PROBLEM_LINE = "{where}: {message}\n    oplossing: {fix}"
PLACE_LINE = "regel {line}"
PLACE_LINE_COLUMN = "regel {line}, kolom {column}"
PLACE_WITH_LINE = "{path} (regel {line})"
#: What belongs where a file is read or written (disk/reading.py ``FileKind``), for the
#: fixes' ``{kind}``: each one a "bestand", so "{kind} dat bestaat" fits every one.
FILE_KINDS = {
    "scenario": "een scenariobestand (.toml)",
    "config": "een configuratiebestand (.toml)",
    "authorized-keys": "een sleutelbestand in OpenSSH-opmaak (authorized_keys)",
    "host-key": "een bestand met een OpenSSH-privésleutel",
    "file": "een gewoon bestand",
}
FILE_MISSING = "bestand bestaat niet"
FIX_FILE_MISSING = "controleer de naam en de map, of kies {kind} dat bestaat"
FIX_SCENARIO_NEAREST = (
    "bedoelt u {names}? Een naam is die van een scenario in de bibliotheek of van een"
    " meegeleverd voorbeeld; anders het pad naar een .toml-bestand"
)
EITHER = "{first} of {last}"
FILE_IS_DIR = "dit is een map, geen bestand"
FIX_FILE_IS_DIR = "geef de naam van {kind} in die map"
FILE_NO_READ = "geen leesrechten op dit bestand"
FIX_NO_READ = "vraag de eigenaar om leesrechten, of kopieer het bestand naar uw eigen map"
FILE_EMPTY = "bestand is leeg"
FIX_EMPTY = "kies een scenariobestand, of maak er een met 'opslaan als' vanuit het voorbeeld"
FILE_BINARY = "dit is geen tekstbestand (het bevat binaire gegevens)"
FIX_BINARY = "kies een scenariobestand in TOML-formaat (.toml)"
FILE_UTF16 = "tekst is als UTF-16 opgeslagen, niet als UTF-8"
FILE_NOT_UTF8 = "tekst is niet in UTF-8 opgeslagen"
FIX_UTF8 = "sla het bestand op als UTF-8 (in de meeste editors: 'Opslaan als' > codering UTF-8)"
TOML_SYNTAX = "TOML-syntaxfout: {detail}"
#: tomli's own messages (format/toml_text.py toml_detail): its words -> ours. A
#: ``{}`` stands for what tomli names (a key, a character).
TOML_MESSAGES = {
    "Cannot overwrite a value": "deze waarde staat er al",
    "Escaped character is not a Unicode scalar value": "een \\u-teken dat niet bestaat",
    "Expected '=' after a key in a key/value pair": "na de sleutel hoort '='",
    "Expected ']' at the end of a table declaration": "de tabelnaam mist de ']' aan het eind",
    "Expected ']]' at the end of an array declaration": "de tabelnaam mist ']]' aan het eind",
    "Expected newline or end of document after a statement": "na de waarde hoort een nieuwe regel",
    "Invalid date or datetime": "ongeldige datum of tijd",
    "Invalid hex value": "ongeldige hexadecimale waarde",
    "Invalid initial character for a key part": "een sleutel kan zo niet beginnen",
    "Invalid statement": "deze regel is geen sleutel = waarde en geen tabelnaam",
    "Invalid value": "ongeldige waarde (tekst hoort tussen aanhalingstekens)",
    "Unclosed array": "een lijst zonder ']' aan het eind",
    "Unclosed inline table": "een tabel tussen accolades zonder de accolade aan het eind",
    "Unescaped '\\' in a string": "een losse '\\' in tekst (schrijf '\\\\')",
    "Unterminated string": "tekst zonder afsluitend aanhalingsteken",
    "Cannot declare {} twice": "{} staat er twee keer",
    "Cannot redefine namespace {}": "{} staat er twee keer",
    "Cannot mutate immutable namespace {}": "{} is al eerder volledig gegeven",
    "Duplicate inline table key {}": "sleutel {} staat twee keer in dezelfde tabel",
    "Found invalid character {}": "ongeldig teken {}",
    "Illegal character {}": "ongeldig teken {}",
    "Expected {}": "hier hoort {}",
}
FIX_TOML = "herstel de regel; vergelijk met het meegeleverde voorbeeld nrw-2016-2019.toml"
TOML_TOO_DEEP = "lijsten of tabellen zijn meer dan 400 niveaus diep genest"
TOML_HUGE_NUMBER = "een getal van duizenden cijfers"
MORE_PROBLEMS = "en nog {count} problemen (de eerste 100 staan hierboven)"
MISSING_FORMAT = "'format' ontbreekt"
UNKNOWN_FORMAT = "onbekende formaatversie {found}"
FIX_FORMAT = "zet bovenaan 'format = 1' (deze versie van gebiedsplanner leest formaat 1)"
MISSING_TABLE = "tabel '{key}' ontbreekt"
NOT_A_TABLE = "hier hoort een tabel, maar er staat {found}"
FIX_ADD_TABLE = "voeg een tabel [{header}] toe met per jaar een bedrag, zoals 2017 = 250_000"
NOT_A_LIST = "hier hoort een lijst, maar er staat {found}"
MISSING_KEY = "'{key}' ontbreekt"
FIX_ADD_TEXT = 'voeg {key} = "..." toe'
NOT_TEXT = "hier hoort tekst tussen aanhalingstekens, maar er staat {found}"
FIX_QUOTE_TEXT = "zet de tekst tussen aanhalingstekens"
UNKNOWN_KEY = "onbekende sleutel '{key}'"
FIX_UNKNOWN_KEY = "verwijder of hernoem de sleutel; toegestaan: {allowed}"
AMOUNT_WRONG_TYPE = "bedrag moet een heel getal in euro's zijn, maar er staat {found}"
FIX_WHOLE_EUROS = "schrijf hele euro's zonder punt of komma, zoals 250000 of 250_000"
FIX_TYPO = "controleer het aantal nullen"
NOT_A_YEAR = "'{key}' is geen jaartal"
FIX_YEAR_KEY = "gebruik jaartallen van vier cijfers als sleutel, zoals 2017 = 250_000"
EXTRA_YEAR = "jaar {year} staat niet in de envelope ({years})"
FIX_EXTRA_YEAR = "verwijder dit jaar, of voeg het ook toe aan [envelope]"
MISSING_YEAR = "jaar {year} ontbreekt"
FIX_MISSING_YEAR = "voeg {year} = ... toe: elke post heeft een bedrag voor elk jaar van de envelope"
FIX_SIGN = "controleer het teken: een taakstelling is 0 of negatief, andere bedragen 0 of positief"
ENVELOPE_EMPTY = "de envelope heeft geen jaren"
FIX_ENVELOPE_EMPTY = "voeg per jaar het NRW-budget toe, zoals 2017 = 57_931_000"
RESERVED_GEBIED = "'{name}' is gereserveerd voor de stedelijke posten"
EMPTY_GEBIED_NAME = "een gebied zonder naam"
FIX_RENAME_GEBIED = "geef het gebied een andere naam"
SLASH_IN_POST = (
    "een stedelijke post kan geen '/' in de naam hebben: het logboek schrijft een cel als"
    " GEBIED/POST/JAAR en zou er een andere cel in lezen"
)
FIX_RENAME_POST = "geef de post een naam zonder '/'"
EMPTY_POST_NAME = "een stedelijke post zonder naam"
FIX_NAME_POST = "geef de post een naam, zoals [stedelijk.wijkteams]"
COMMENTS_NOT_KEPT = (
    "opgeslagen, maar zonder de opmerkingen die erin stonden: het bestand schrijft"
    " tabellen met punten of op één regel en is groter dan {limit} KB, dan wordt het"
    " opnieuw geschreven"
)
FIX_COMMENTS = (
    "de bedragen kloppen; zet opmerkingen terug vanuit een eerdere versie, of schrijf elke"
    " post als eigen tabel ([gebied.Charlois.couleur_locale]): die houden hun opmerkingen"
)
INWONERS_WRONG = "inwoners moet een heel getal van 0 of meer zijn, maar er staat {found}"
FIX_INWONERS = "schrijf het aantal inwoners als heel getal, of laat 'inwoners' weg"
FIX_NOTE = (
    "schrijf de notitie als tekst tussen aanhalingstekens, hoogstens 1.000 tekens zonder "
    "stuurtekens (\\n voor een nieuwe regel mag), of laat 'notitie' weg"
)
LOG_WHEN = "een wijziging in het logboek mist een geldig tijdstip (when)"
LOG_CHANGE = "een wijziging in het logboek is onleesbaar (cell, old, new)"
LOG_NOTE_CHANGE = "een notitie in het logboek is onleesbaar (gebied, old, new)"
FIX_LOG = "herstel het logboek [[log]] of haal het terug uit een eerdere versie van het bestand"
TYPE_BOOL = "een waar/onwaar-waarde"
TYPE_FLOAT = "een kommagetal ({value})"
TYPE_STRING = "tekst ({value!r})"
TYPE_TABLE = "een tabel"
TYPE_LIST = "een lijst"
TYPE_INTEGER = "een heel getal ({value})"
TYPE_HUGE = "duizenden cijfers"
TYPE_DATE = "een datum of tijd ({value})"

# -- policy rules (beleid) -------------------------------------------------------
#: A rule as a statement, per rule code (the key in ``[beleid]``); ``{value}`` is its setting.
RULE_STATEMENTS = {
    "min_couleur_locale_pct": "couleur locale is minstens {value} van het netto budget per gebied",
    "min_gebiedsopdracht": "de gebiedsopdracht is per gebied en jaar minstens € {value}",
    "max_wijziging_pct": "couleur locale en gebiedsopdracht wijzigen per jaar hooguit {value}",
    "taakstelling_volledig_verdeeld": "de taakstelling is elk jaar volledig verdeeld",
    "binnen_envelope": "het plan blijft elk jaar binnen de envelope",
}
#: A violation of a rule, per rule code; ``{post}`` is the offending cell's post.
RULE_BROKEN = {
    "min_couleur_locale_pct": "couleur locale onder {value} van netto",
    "min_gebiedsopdracht": "gebiedsopdracht onder € {value}",
    "max_wijziging_pct": "wijziging {post} boven {value} van vorig jaar",
    "taakstelling_volledig_verdeeld": "taakstelling niet volledig verdeeld",
    "binnen_envelope": "boven de envelope",
}
#: How much a violation is off by, per rule code.
RULE_BY = {
    "min_couleur_locale_pct": "€ {by} te weinig",
    "min_gebiedsopdracht": "€ {by} te weinig",
    "max_wijziging_pct": "€ {by} te veel",
    "taakstelling_volledig_verdeeld": "€ {by} verschil",
    "binnen_envelope": "€ {by} te veel",
}
RULE_PERCENT = "{value}%"
RULE_WHOLE_YEAR = "totaal"
RULE_OFF = "{rule} (staat uit)"
VIOLATION_LINE = "{owner}, {year}: {rule}: {by}"
VIOLATION_IN_YEAR = "  {owner}: {rule}: {by}"
UNKNOWN_RULE = "onbekende beleidsregel '{key}'."
FIX_UNKNOWN_RULE = "verwijder of hernoem de regel; bekend: {allowed}"
RULE_PERCENT_TYPE = "hier hoort een percentage (zoals 10 of 12.5), maar er staat {found}"
RULE_PERCENT_RANGE = "percentage {value} ligt niet tussen 0 en 100"
RULE_PERCENT_DECIMALS = "percentage {value} heeft meer dan twee decimalen"
FIX_PERCENT = "schrijf een getal van 0 tot en met 100 met hooguit twee decimalen, zoals 10 of 12.5"
RULE_NOT_FLAG = "hier hoort true of false, maar er staat {found}"
FIX_FLAG = "schrijf true (de regel geldt) of false (de regel geldt niet)"
RULE_AMOUNT_NEGATIVE = "een minimumbedrag kan niet negatief zijn"
FIX_RULE_AMOUNT = "schrijf hele euro's van 0 of meer, zoals 1_000_000"

# -- problems on disk ----------------------------------------------------------
DISK_FULL = "de schijf is vol"
FIX_DISK_FULL = "maak ruimte vrij op de schijf, of kies een andere map"
FOLDER_NOT_WRITABLE = "geen schrijfrechten in deze map"
FIX_NOT_WRITABLE = "vraag om schrijfrechten, of kies een map waar u mag schrijven"
FOLDER_IS_LINK = (
    "dit is een symbolische koppeling, geen map; hier wordt alleen in een echte map geschreven"
)
FIX_FOLDER_IS_LINK = (
    "vervang de koppeling door een echte map; een map van gebiedsplanner zelf (zoals die met de "
    "journalen) wordt na het verwijderen van de koppeling vanzelf opnieuw gemaakt"
)
NOT_A_FOLDER = "hier staat een bestand, geen map"
FIX_NOT_A_FOLDER = "hernoem of verwijder het bestand, of kies een andere map"
FOLDER_MISSING = "de map bestaat niet"
FIX_FOLDER_MISSING = "maak de map eerst aan, of kies een bestaande map"
FIX_READ_FOLDER_MISSING = (
    "controleer de naam van de map (een schijf of netwerkmap die niet is aangekoppeld?)"
)
SYMLINK_LOOP = "een kring van symbolische koppelingen"
FIX_SYMLINK_LOOP = "kies het echte bestand in plaats van de koppeling"
OS_ERROR = "fout van het besturingssysteem: {detail}"
FIX_OS_ERROR = "probeer het opnieuw, of kies een andere map"
NAME_TOO_LONG = "de naam van het bestand of de map is te lang"
FIX_NAME_TOO_LONG = "kies een kortere naam of een map dichter bij de hoofdmap"
BAD_FILE_NAME = "de naam bevat een teken dat geen bestandsnaam kan zijn (zoals een nul-byte)"
FIX_BAD_FILE_NAME = "controleer de naam van het bestand of de map"
FILE_NOT_REGULAR = "dit is geen gewoon bestand (maar een pipe, apparaat of socket)"
FIX_NOT_REGULAR = "kies {kind}; verwijder of hernoem wat hier staat"
FILE_TOO_LARGE = "bestand is groter dan {limit} MB"
FILE_TOO_LARGE_KB = "bestand is groter dan {limit} KB"
FIX_TOO_LARGE = "kies het juiste bestand: hier hoort {kind}"
FILE_IS_LINK = (
    "dit is een symbolische koppeling; gebiedsplanner leest dit bestand niet via een koppeling"
)
FIX_FILE_IS_LINK = "geef het bestand zelf op, niet een koppeling ernaar"
LOCK_NOT_FILE = "het schrijfslot is geen gewoon bestand (een koppeling, pipe of map)"
FIX_LOCK_NOT_FILE = (
    "verwijder dit slotbestand; het wordt bij de volgende keer opslaan opnieuw gemaakt"
)
FILE_VANISHED = "het bestand bestaat niet meer (hernoemd, verplaatst of naar de prullenbak)"
RENAME_LINK = "dit is een symbolische koppeling naar een scenario elders"
FIX_RENAME_LINK = (
    "hernoem het bestand waar de koppeling naar wijst, of dupliceer (d) en hernoem de kopie"
)
FIX_RESCAN = "open de bibliotheek opnieuw en probeer het nog eens"
FIX_FILE_VANISHED = "sla uw versie op als nieuw scenario ('opslaan als'); er is niets overschreven"
CHANGED_ON_DISK = (
    "het bestand is gewijzigd sinds u het opende (door een collega of ander programma)"
)
FIX_CHANGED_ON_DISK = (
    "er is niets overschreven: sla uw versie op als variant ('opslaan als') en vergelijk beide"
)
READ_ONLY_FILE = "het bestand is alleen-lezen (niemand heeft er schrijfrecht op)"
FIX_READ_ONLY_FILE = (
    "er is niets overschreven: werk verder in een variant ('opslaan als', S, of een kopie van"
    " het bestand), of maak het bestand eerst schrijfbaar (chmod u+w)"
)
FILE_EXISTS = "er bestaat al een bestand met deze naam"
FIX_FILE_EXISTS = "kies een andere naam"
CONFIG_SCENARIO_DIR = (
    "scenario_dir moet een mapnaam tussen aanhalingstekens zijn, of een lijst daarvan"
)
UNKNOWN_HOME = "'{text}': die gebruiker (na ~) is op deze computer onbekend"
FIX_UNKNOWN_HOME = "schrijf de map voluit, zoals /home/naam/map, of gebruik ~/ voor uw eigen map"
FIX_CONFIG = "herstel of verwijder het configuratiebestand"
CONFIG_IS_LINK = "het configuratiebestand is een koppeling: gebiedsplanner schrijft er niet door"
FIX_CONFIG_LINK = "zet zelf {line} in het bestand waar de koppeling naar wijst"
CONFIG_NOT_SET = (
    "het bestand is geen geldige TOML, of de instelling staat er over meer regels of als"
    " tabel: die kan niet veilig op één regel worden vervangen"
)
FIX_CONFIG_BY_HAND = "zet zelf {line} bovenaan het bestand, vóór de eerste regel die met '[' begint"
CONFIG_THEME_UNKNOWN = "onbekend thema {theme}: het standaardthema blijft"
FIX_CONFIG_THEME = (
    "kies een thema met ctrl+p, Thema (dat wordt hier bewaard), of zet er een van deze: {themes}"
)
THEME_NOT_REMEMBERED = "thema {theme} gekozen, maar niet bewaard: {why}"
SAVE_AS_NO_PATHS = "Een naam, geen pad: laat '/', '\\' en '..' weg."
SAVE_AS_EMPTY = "Geef een naam met letters of cijfers."

# -- command line --------------------------------------------------------------
#: One paragraph: ``--help`` wraps it to the terminal's width.
APP_DESCRIPTION = (
    "Plan de NRW-budgetten per gebied (couleur locale, gebiedsopdracht, taakstelling)"
    " tegen de envelope. Zonder SCENARIO opent het meegeleverde voorbeeld."
)
OVERVIEW_HEAD = "opdrachten zonder scherm:"
OVERVIEW_TAIL = "'gebiedsplanner OPDRACHT --help' toont de details."
UNKNOWN_COMMAND = (
    "gebiedsplanner: '{word}' is geen opdracht en geen bestand. Bedoelt u '{command}'?"
    " 'gebiedsplanner --help' toont alle opdrachten."
)
#: argparse's own words (see gebiedsplanner/arguments.py): its message -> ours.
ARGPARSE = {
    "usage: ": "gebruik: ",
    "positional arguments": "argumenten",
    "options": "opties",
    "show this help message and exit": "toon deze hulp en stop",
    "%(prog)s: error: %(message)s\n": "%(prog)s: fout: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "bij %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "deze argumenten ontbreken: %s",
    "one of the arguments %s is required": "een van deze argumenten is nodig: %s",
    "unrecognized arguments: %s": "onbekende argumenten: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "ongeldige keuze: %(value)r (kies uit %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "ongeldige waarde: %(value)r",
    "expected one argument": "hier hoort één waarde achter",
    "expected at most one argument": "hier hoort hoogstens één waarde achter",
    "expected at least one argument": "hier hoort minstens één waarde achter",
    "expected %s argument": "hier hoort %s waarde achter",
    "expected %s arguments": "hier horen %s waarden achter",
    "ambiguous option: %(option)s could match %(matches)s": (
        "optie %(option)s is niet eenduidig: bedoelt u %(matches)s?"
    ),
    "not allowed with argument %s": "kan niet samen met %s",
    "ignored explicit argument %r": "waarde %r genegeerd: deze optie neemt geen waarde",
    "unexpected option string: %s": "onverwachte optie: %s",
    'argument "-" with mode %r': 'argument "-" met modus %r',
    "can't open '%(filename)s': %(error)s": "kan '%(filename)s' niet openen: %(error)s",
}
ARG_VERSION = "toon het versienummer en stop"
ARG_LANG = "taal van scherm en meldingen: nl (standaard) of en; voor of na de opdracht"
UNKNOWN_LANGUAGE = "gebiedsplanner: onbekende taal '{language}'. Kies uit: {known}."
CONFIG_LANG = 'lang moet "nl" of "en" zijn, maar er staat {found}'
FIX_CONFIG_LANG = 'zet lang = "nl" of lang = "en" in het configuratiebestand, of laat lang weg'
METAVAR_ADDRESS = "GEBIED/POST/JAAR"
METAVAR_TEXT = "TEKST"
METAVAR_AMOUNT = "BEDRAG"
METAVAR_GEBIED = "GEBIED"
ARG_SCENARIO = "scenariobestand (.toml) om te openen"
ARG_LIBRARY = "open met de bibliotheek van scenario's (l), het planbord eronder"
ARG_SCENARIO_DIR = "map met scenario's, bijvoorbeeld een gedeelde teammap (mag vaker)"
ARG_AMOUNT = (
    "hoeveel: hele euro's, zoals 50.000 of 50000, of een percentage van --from, zoals 10%"
    " of 12,5% (afgerond op hele euro's)"
)
ARG_FILE = (
    "het scenario: een .toml-bestand, of een naam uit de bibliotheek of van een meegeleverd"
    " voorbeeld (nrw-2016-2019)"
)
ARG_FILES = "de scenario's om te controleren: .toml-bestanden of namen (zoals nrw-2016-2019)"
ARG_BASE = "het basisscenario: een .toml-bestand of een naam (zoals nrw-2016-2019)"
ARG_VARIANTS = "de varianten, elk vergeleken met de basis: .toml-bestanden of namen"
ARG_REPORT_VARIANTS = "varianten om in het rapport met het scenario te vergelijken (mag weg)"
ARG_FROM = (
    "de cel waar het bedrag vandaan komt: GEBIED/POST/JAAR,"
    " zoals Charlois/gebiedsopdracht/2017"
)
ARG_TO = "de cel waar het bedrag heen gaat, in hetzelfde jaar: GEBIED/POST/JAAR"
ARG_LAYOUT = (
    "long (standaard): een rij per gebied, post en jaar; wide: een rij per gebied en post,"
    " een kolom per jaar"
)
ARG_DIALECT = (
    "standard (standaard): komma's, UTF-8; nl: puntkomma's, UTF-8 met BOM, voor Nederlandse Excel"
)
ARG_REASON = "toelichting: waarom deze verschuiving"
CMD_VALIDATE = "controleer scenariobestanden (exitcode 0 als alles klopt)"
CMD_SUMMARY = "envelope, gepland, ruimte en nog te verdelen taakstelling per jaar"
CMD_MOVE = "verschuif een bedrag van de ene naar de andere post en sla op"
CMD_NOTE = "zet de notitie bij een gebied (lege tekst: weghalen) en sla op"
ARG_NOTE_GEBIED = "het gebied, zoals het in het scenario heet"
ARG_NOTE_TEXT = "de notitie, hoogstens 1.000 tekens; '' haalt haar weg"
CMD_COMPLETION = (
    "schrijf het script voor aanvullen met Tab in de shell (bash of zsh): opdrachten,"
    " opties en scenarionamen"
)
ARG_SHELL = "de shell: bash of zsh"
CMD_EXPORT = "exporteer het plan naar CSV of een Excel-werkmap"
VALID = "{file}: in orde ({name})"
VALID_WITH_VIOLATIONS = "{file}: bestand in orde ({name}); beleidsregels geschonden: {count}"
ARG_STRICT = "geschonden beleidsregels geven exitcode 1 (zonder --strict: alleen waarschuwingen)"
FIX_ADDRESS = "schrijf GEBIED/POST/JAAR, bijvoorbeeld Charlois/couleur_locale/2017"
FIX_MOVE = "kies een kleiner bedrag of een andere post"
FIX_MOVE_SAME_YEAR = "geef --from en --to hetzelfde jaar, bijvoorbeeld beide .../2017"
FIX_MOVE_OTHER_CELL = "kies bij --to een andere post of een ander gebied"
FIX_MOVE_POSITIVE = (
    "geef bij --amount een bedrag groter dan 0, zoals 50.000, of een percentage van --from,"
    " zoals 10%"
)
FIX_MOVE_AMOUNT = (
    "geef bij --amount hele euro's, zoals 50.000, of een percentage van --from,"
    " zoals 10%"
)
FIX_NOTE_GEBIED = "noem een gebied zoals het in het scenario heet (zie 'gebiedsplanner summary')"
FIX_NOTE_TEXT = (
    "kort de notitie in en laat stuurtekens weg; een lang stuk hoort in een eigen document"
)
FIX_PERCENT_TYPED = "typ een percentage, zoals 10% of 2,5%"
FIX_TOOL_YEAR = "kies een jaar dat in het scenario staat (zie 'gebiedsplanner summary')"
FIX_HOLD = "noem gebieden zoals ze in het scenario heten, één per --hold"
FIX_UNIT = "geef bij --unit een heel bedrag van minstens 1, zoals 1000"
FIX_AMOUNT_TYPED = "typ een bedrag in hele euro's, zoals 50000 of 50.000"
FIX_REASON = "kort de toelichting in; een lang stuk hoort in een eigen document"
BUNDLED_READ_ONLY = "dit is het meegeleverde voorbeeld; dat wordt niet overschreven"
FIX_BUNDLED_READ_ONLY = "kopieer het eerst naar uw eigen map en werk in die kopie"
MOVED = (
    "{amount} verschoven van {source} naar {target}; ruimte {year}: {room}. Opgeslagen in {file}."
)
NOTE_SET = "Notitie bij {gebied} opgeslagen in {file}."
NOTE_REMOVED = "Notitie bij {gebied} weggehaald; opgeslagen in {file}."
NOTE_UNCHANGED = "{gebied} heeft deze notitie al; {file} is niet gewijzigd."
ARG_EXPORT_OUT = (
    "het bestand: .csv, of .xlsx voor een Excel-werkmap (zie --format); zonder -o, of met"
    " -o -: naar de standaarduitvoer"
)
EXPORTED = "{rows} rijen geëxporteerd naar {output}."
EXPORT_OVER_SCENARIO = (
    "dit is een scenariobestand (of de naam eindigt op .toml): een export vervangt dat nooit"
)
EXPORT_OVER_LINK = "hier staat een symbolische koppeling: een export schrijft daar niet doorheen"
EXPORT_OVER_SPECIAL = "hier staat geen gewoon bestand (een map, pipe of apparaat)"
EXPORT_HIDDEN = (
    "een naam die met een punt begint is een verborgen bestand, zoals het slot of de"
    " notitie naast een scenario: een export schrijft daar niet"
)
FIX_EXPORT_NAME = "kies een andere bestandsnaam (zoals plan.csv, plan.xlsx of rapport.html)"
EXPORT_EXISTS_TITLE = "Bestand bestaat al"
EXPORT_EXISTS_QUESTION = "{file} bestaat al. Overschrijven met deze export?"
OUTPUT_WRONG_EXTENSION = "hier wordt geen {extension}-bestand geschreven"
OUTPUT_OR = " of "
FIX_OUTPUT_EXTENSIONS = "geef het bestand de extensie van een vorm die er is: {extensions}"
FIX_OUTPUT_SPREADSHEET = (
    "noem het .xlsx: een Excel-werkmap, die Excel en LibreOffice openen (LibreOffice bewaart"
    " hem desgewenst als .ods); of .csv"
)
OUTPUT_FORMAT_DISAGREES = "--format {format} schrijft geen {extension}-bestand"
FIX_OUTPUT_FORMAT_DISAGREES = "laat --format weg (dan kiest de naam), of noem het bestand {name}"
PDF_TO_TERMINAL = "een PDF is geen tekst: op het scherm wordt het onleesbaar"
FIX_PDF_TO_TERMINAL = "schrijf hem naar een bestand: -o rapport.pdf, of > rapport.pdf"
PDF_NO_CHROMIUM = "een PDF maakt gebiedsplanner met Chromium, en dat is hier niet geïnstalleerd"
FIX_PDF_NO_CHROMIUM = (
    "installeer chromium (Debian en Ubuntu: apt install chromium), of schrijf het rapport als"
    " .html en druk het vanuit een browser af als PDF"
)
PDF_TOO_LARGE = (
    "dit rapport is {size} HTML, en een PDF maakt gebiedsplanner tot {most} (zo'n 1.600"
    " gebieden): groter kost Chromium minuten en gigabytes"
)
FIX_PDF_TOO_LARGE = (
    "haal het rapport als HTML (--format html) en druk vanuit een browser het deel af dat u"
    " nodig hebt, of neem de cijfers als werkmap: export --format xlsx"
)
PDF_BUSY = "er wordt al een PDF gemaakt, een tegelijk, en die was na {seconds} seconden nog bezig"
FIX_PDF_BUSY = "probeer het over een minuut opnieuw"
PDF_NOT_STARTED = "Chromium start niet: {why}"
PDF_NO_TEMPORARY = "geen tijdelijke map voor de PDF in {folder}: {why}"
FIX_PDF_NO_TEMPORARY = "maak daar ruimte, of zet TMPDIR op een map waarin u mag schrijven"
PDF_TOO_SLOW = "Chromium had na {seconds} seconden nog geen PDF gemaakt en is gestopt"
PDF_NO_OUTPUT = "geen PDF geschreven"
PDF_FAILED = "Chromium maakte geen PDF (exitcode {code}): {why}"
FIX_PDF_FAILED = "schrijf het rapport als .html en druk het vanuit een browser af als PDF"

# -- summary -------------------------------------------------------------------
SUMMARY_HEADERS = ("jaar", "envelope", "gepland", "ruimte", "taakstelling nog te verdelen")
SUMMARY_POLICY_HEADER = "beleidsregels geschonden"
OVER_ENVELOPE = "boven envelope"
WITHIN_ENVELOPE = "binnen envelope"
OVER_ENVELOPE_MARK = "▲ BOVEN ENVELOPE"
WITHIN_ENVELOPE_SHORT = "binnen"
OVER_ENVELOPE_SHORT = "▲ BOVEN"
#: After a year's room in the totals of the all-years view when the year is over.
OVER_MARK = "▲"

# -- the planner table ---------------------------------------------------------
TABLE_HEADERS = (
    ("Gebied", ""),
    ("Couleur", "locale"),
    ("Gebieds-", "opdracht"),
    ("Taak-", "stelling"),
    ("Netto", ""),
    ("CL-", "aandeel"),
)
UNIT_EUROS = "bedragen in €"
UNIT_THOUSANDS = "x € 1.000"
STEDELIJK_ROW = "Stedelijk: {name}"
TOTAL_ROW = "Totaal"
TOTAL_ROW_COUNTING = "Totaal: wordt geteld…"
#: The name column's header while sorted by the change since opening.
SORTED_BY_CHANGE = "{mark} wijziging"
COUNTING = "telt…"
TITLE_READING = " · wordt gelezen…"

# -- totals bar ------------------------------------------------------------------
CAPTION_ENVELOPE = "Envelope"
CAPTION_PLANNED = "Gepland"
CAPTION_ROOM = "Ruimte"
CAPTION_IMPOSED = "Taakstelling"
CAPTION_DISTRIBUTED = "verdeeld"
CAPTION_OPEN = "open"
#: The captions in a terminal narrower than 80 columns.
CAPTION_ENVELOPE_SHORT = "Env."
CAPTION_PLANNED_SHORT = "Gepl."
CAPTION_IMPOSED_SHORT = "Taak"
CAPTION_DISTRIBUTED_SHORT = "verd."
#: The first line of the totals under the all-years view: the years above their totals.
CAPTION_YEAR = "Jaar"
POLICY_COUNT = "Beleid: {count}"
POLICY_COUNT_SHORT = "Bel. {count}"
#: After an amount or total that breaks a policy rule: a sign, not only a colour.
POLICY_MARK = "!"
#: After the name of a gebied that has a note (``o``): the note itself is on the line
#: above the totals when the cursor is on that gebied.
NOTE_MARK = "✎"
NOTE_DETAIL = "✎ {gebied}: {note}"
NOTE_DETAIL_NONE = "{gebied}: geen notitie"

# -- describing changes ----------------------------------------------------------
STEDELIJK_LABEL = "Stedelijk"
CELL_LABEL = "{owner} · {post} · {year}"
NET = "netto"
CELL_LABEL_NO_YEAR = "{owner} · {post}"
#: A gebied's note where changes are listed per cell (a merge's choices).
NOTE_PLACE = "notitie"
NOTE_NONE = "(geen)"
#: The cell on the edit line in the all-years view: its year first (a long name is cut).
EDIT_CELL_IN_YEAR = "{year} · {cell}"
CHANGE_LINE = "{cell}: {old} → {new} ({delta})"

# -- the app -----------------------------------------------------------------------
PROBLEM_TITLE = "Probleem"
SAVED = "Opgeslagen in {file}."
TITLE_YEAR = " · {year} ({index}/{count})"
TITLE_ALL_YEARS = " · alle jaren: {post}"
#: Where the post does not fit with what the session may change (the table says the post).
TITLE_ALL_YEARS_SHORT = " · alle jaren"
TITLE_YEAR_ONLY = " · {year}"
TITLE_UNIT = " · {unit}"
TITLE_EXAMPLE = " · voorbeeld"
TITLE_DIRTY = " ● niet opgeslagen"
TITLE_UNIT_EUROS = "€"
#: Keys named in the footer by their word in this language.
KEY_NAMES = {"space": "spatie", "escape": "esc"}
KEY_EDIT = "Wijzig"
KEY_MOVE = "Verschuif"
KEY_NEXT_YEAR = "Jaar"
KEY_PREV_YEAR = "Vorig jaar"
KEY_THOUSANDS = "x1000"
KEY_SAVE = "Opslaan"
KEY_SAVE_AS = "Opslaan als"
KEY_EXPORT = "Export"
KEY_HELP = "Help"
KEY_QUIT = "Stop"
KEY_CANCEL = "Annuleer"
KEY_CLOSE = "Sluit"
HELP_EDIT = "Wijzig het bedrag in de cel onder de cursor"
HELP_MOVE = "Verschuif een bedrag naar een andere post of ander gebied (zelfde jaar)"
HELP_NEXT_YEAR = "Volgend jaar"
HELP_PREV_YEAR = "Vorig jaar"
HELP_THOUSANDS = "Wissel tussen hele euro's en x € 1.000"
KEY_ALL_YEARS = "Alle jaren"
HELP_ALL_YEARS = (
    "Wissel tussen één jaar en één post in alle jaren naast elkaar (daar: ] en [ naar een"
    " ander jaar)"
)
KEY_NEXT_POST = "Post"
HELP_NEXT_POST = "In alle jaren: toon de volgende post"
KEY_SORT_COLUMN = "Sorteer"
HELP_SORT_COLUMN = (
    "Sorteer op de kolom onder de cursor: grootste eerst, kleinste eerst, bestandsvolgorde"
)
KEY_SORT_NAME = "Sorteer op naam"
HELP_SORT_NAME = "Sorteer op gebiedsnaam: A-Z, Z-A, bestandsvolgorde"
KEY_SORT_CHANGE = "Sorteer op wijziging"
HELP_SORT_CHANGE = "Sorteer op wijziging sinds openen: meeste erbij, meeste eraf, bestandsvolgorde"
KEY_COPY = "Kopieer"
HELP_COPY = "Kopieer het bedrag onder de cursor (als 247000)"
COPIED = "Gekopieerd: {value} ({what})"
KEY_SEARCH = "Zoek"
HELP_SEARCH = "Zoek een gebied op (een deel van) de naam; de cursor springt mee terwijl u typt"
KEY_SEARCH_NEXT = "Volgende treffer"
HELP_SEARCH_NEXT = "Naar het volgende gebied dat bij de zoektekst past (na het laatste: bovenaan)"
KEY_SEARCH_PREVIOUS = "Vorige treffer"
HELP_SEARCH_PREVIOUS = (
    "Naar het vorige gebied dat bij de zoektekst past (voor het eerste: het laatste)"
)
KEY_GO_TO = "Ga naar"
HELP_GO_TO = "Ga naar een gebied: typ de naam, die wordt aangevuld (→ neemt de aanvulling over)"
SEARCH_LABEL = "Zoek gebied:"
SEARCH_PLACEHOLDER = "deel van de naam"
#: The find line's hints: the longest that fits is shown whole (60 columns: the shortest).
SEARCH_HINT = "Enter: blijf hier · Esc: terug · daarna n/N: volgende/vorige"
SEARCH_HINT_SHORT = "Enter: blijf · Esc: terug · n/N: volgende/vorige"
SEARCH_HINT_SHORTEST = "Enter: blijf · Esc: terug"
SEARCH_HIT = "{name} ({number}/{count}) · Enter: blijf hier · Esc: terug"
SEARCH_HIT_SHORT = "{name} ({number}/{count}) · Esc: terug"
SEARCH_HIT_SHORTEST = "{name} ({number}/{count})"
FIND_NO_MATCH = "Geen gebied met '{text}'"
SEARCH_WRAPPED_DOWN = "Onderaan voorbij: verder bovenaan"
SEARCH_WRAPPED_UP = "Bovenaan voorbij: verder onderaan"
SEARCH_NOTHING = "Nog niets gezocht: / zoekt een gebied op naam"
GO_TO_LABEL = "Ga naar gebied:"
GO_TO_PLACEHOLDER = "gebiedsnaam"
GO_TO_HINT = "Enter: ga erheen · →: vul aan · Esc: terug"
GO_TO_HINT_SHORT = "→: vul aan · Esc: terug"
GO_TO_HINT_SHORTEST = "Esc: terug"
GO_TO_TARGET = "Enter: naar {name}"
GO_TO_SEVERAL = "{count} namen met '{text}': {names}"
GO_TO_UNKNOWN = "Geen gebied '{text}'."
GO_TO_NEAREST = " Bedoelt u: {names}?"
HELP_SAVE = "Opslaan (het meegeleverde voorbeeld: opslaan als kopie)"
HELP_SAVE_AS = "Opslaan als: een kopie met een nieuwe naam in de scenariobibliotheek"
HELP_EXPORT = "Exporteer het plan: CSV of Excel-werkmap (als 'gebiedsplanner export')"
HELP_HELP = "Deze hulp"
HELP_QUIT = "Stoppen (vraagt eerst bij niet-opgeslagen wijzigingen)"
HELP_EXTRA_KEYS = (
    ("↑ ↓ ← →", "Cursor naar een andere cel"),
    ("PgUp PgDn Home End", "Pagina omhoog/omlaag, eerste/laatste rij"),
    ("ctrl+p", "Opdrachtenpalet: elke actie op naam"),
    ("ctrl+q", "Stoppen (zoals q)"),
    ("tab / shift+tab", "In een venster: naar het volgende/vorige veld"),
    ("esc", "Venster sluiten zonder iets te wijzigen"),
)
HELP_TITLE = "Toetsen"
#: One paragraph: the help screen wraps it to its width.
HELP_INPUT = (
    "Bedragen typen: 250.000 of 250000 zet het bedrag; +25.000 en -25.000 tellen op of af;"
    " -10% en +2,5% veranderen met een percentage; =-300.000 zet een negatief bedrag"
    " (taakstelling). Alleen hele euro's."
)
HELP_KEYS = "esc, ? of q: sluiten"
EDITOR_PLACEHOLDER = "+5.000 of -10%"
#: The edit line's hint, as the key line writes keys: the longest that fits is shown whole.
EDITOR_HINT = "⏎ Toepassen  Tab Toelichting  esc Terug"
EDITOR_HINT_SHORT = "⏎ Toepassen  Tab Toelichting"
EDITOR_HINT_SHORTEST = "Tab Toelichting"
EDIT_PREVIEW = "{old} → {new} ({delta})"
EDITOR_REFUSED = "Kan niet: {new} — {problem}."
REASON_PLACEHOLDER = "Toelichting: waarom? (optioneel)"
KEY_NOTE = "Notitie"
HELP_NOTE = "Notitie bij het gebied onder de cursor (Enter: bewaren, leeg: weghalen, Esc: terug)"
NOTE_LABEL = "Notitie {gebied}"
#: How to remove a note first: a narrow line cuts the example.
NOTE_PLACEHOLDER = "leeg: geen notitie · bijv.: wacht op besluit gebiedscommissie"
NOTE_ONLY_GEBIED = "Een notitie hoort bij een gebied: zet de cursor op een gebied."
MOVE_TITLE = "Verschuif een bedrag in {year}"
MOVE_FROM = "Van"
MOVE_TO = "Naar"
MOVE_AMOUNT_PLACEHOLDER = "Bedrag of percentage van Van: 50.000 of 10%"
MOVE_HINT = "Typ het bedrag; Tab naar toelichting, gebieden en posten."
MOVE_KEYS = "Enter: verschuiven · Tab: volgend veld · spatie: lijst · Esc: annuleren"
QUIT_TITLE = "Niet-opgeslagen wijzigingen"
QUIT_QUESTION = "Er zijn wijzigingen die nog niet zijn opgeslagen. Wat wilt u doen?"
#: A button's *_LETTERS answer it from the keyboard; its label shows the first.
QUIT_SAVE_BUTTON = "Opslaan (o)"
QUIT_SAVE_LETTERS = "o"
QUIT_DISCARD_BUTTON = "Niet opslaan (n)"
QUIT_DISCARD_LETTERS = "n"
QUIT_STAY_BUTTON = "Terug (esc)"
SAVE_QUEUED = "Bezig met opslaan; daarna wordt ook deze stand opgeslagen."
SAVE_BUSY = "Bezig met opslaan; probeer het zo opnieuw."
GONE_TITLE = "Bestand bestaat niet meer"
GONE_QUESTION = (
    "{file} is hernoemd, verplaatst, naar de prullenbak gegaan of door iets anders vervangen"
    " (zoals een koppeling naar een ander bestand) sinds u het opende."
    " Er is niets overschreven; uw wijzigingen staan nog op het scherm en in het journaal."
)
GONE_RECREATE_BUTTON = "Opnieuw aanmaken (o)"
GONE_RECREATE_LETTERS = "o"
GONE_SAVE_AS_BUTTON = "Opslaan als (a)"
GONE_SAVE_AS_LETTERS = "a"
SAVE_AS_TITLE = "Opslaan als"
SAVE_AS_FOLDER = "Map: {folder}"
SAVE_AS_PLACEHOLDER = "Naam van het scenario"
SAVE_AS_FILE = "Bestand: {file}"
SAVE_AS_KEYS = "Enter: opslaan · Esc: annuleren"
SAVE_AS_KEYS_FOLDERS = "Enter: opslaan · ↑↓: andere map · Esc: annuleren"
KEY_OTHER_FOLDER = "Andere map"
SAVE_AS_COPY = "{name} (kopie)"
EXPORT_FILE = "plan.csv"
EXPORT_TITLE = "Exporteren"
EXPORT_LAYOUTS = (("lang: een rij per bedrag", "long"), ("breed: een kolom per jaar", "wide"))
EXPORT_DIALECTS = (("Nederlandse Excel (;)", "nl"), ("standaard (,)", "standard"))
EXPORT_WORKBOOK = ("Excel-werkmap (.xlsx)", "xlsx")
EXPORT_KEYS = "Enter: exporteren · Tab: volgend veld · spatie: lijst · Esc: annuleren"
EXPORT_FETCH = (
    "Enter schrijft het bestand op de server. Naar uw eigen computer haalt u het met deze"
    " opdracht (typ hem daar):"
)
EXPORT_FETCH_SAVED_ONLY = "Dit haalt de bewaarde versie op: bewaar eerst (ctrl+s) wat u wijzigde."
EXPORT_FETCH_COPY = "ctrl+y: kopieer de opdracht (naar het klembord van uw terminal)"
EXPORT_FETCH_COPIED = "De opdracht staat op het klembord van uw terminal."
KEY_COPY_FETCH = "Kopieer opdracht"
EXPORT_FETCH_NONE = (
    "Enter schrijft het bestand op de server. Over ssh is alleen een scenario uit een gedeelde"
    " map op te halen (ssh server export NAAM > bestand), en dit staat er niet in."
)

# -- comparison --------------------------------------------------------------------
ABSENT = "(ontbreekt)"
COMPARE_HEADERS = ("gebied", "post", "jaar", "basis")
COMPARE_BASE = "basis"
COMPARE_VARIANT = "variant {n}"
COMPARE_DIFF = "verschil"
COMPARE_LEGEND_BASE = "basis:     {name}"
COMPARE_LEGEND_VARIANT = "variant {n}: {name}"
COMPARE_TOTALS_HEADERS = ("jaar", "scenario", "envelope", "gepland", "ruimte", "")
COMPARE_TOTALS_TITLE = "Totalen tegen de envelope"
COMPARE_ROWS_TITLE = "Verschillen per gebied, post en jaar"
COMPARE_NO_CHANGES = "Geen verschillen."
EXPLAIN_TITLE = "Verklaring uit de wijzigingslogboeken"
EXPLAIN_VARIANT = "variant {n} ({name}):"
EXPLAIN_UNRELATED = "niet afgeleid van de basis: de logboeken hebben geen gemeenschappelijk begin"
EXPLAIN_NOTHING = "geen wijzigingen vastgelegd sinds de afsplitsing"
EXPLAIN_BASE_SINCE = "in de basis sindsdien:"
NO_REASON = "(geen toelichting)"
ENTRY_STAMP = "({who}, {when})"
ENTRY_MOVE = "€ {amount} {owner} {source} → {target} {year}"
ENTRY_EDIT = "{cell}: {old} → {new}"
ENTRY_NOTE = "{gebied} · notitie: {note}"
ENTRY_NOTE_REMOVED = "{gebied} · notitie weggehaald (was: {old})"
CL_SHORT = "CL"
BARS_TITLE = "Netto budget per gebied in {year} (balk) en aandeel couleur locale"
CMD_COMPARE = "vergelijk een basisscenario met een of meer varianten"
ARG_COMPARE_ALL = "toon en schrijf alle cellen, ook die gelijk zijn (standaard: alleen verschillen)"
ARG_COMPARE_OUT = (
    "schrijf de vergelijking ook als CSV; - schrijft alleen de CSV naar de standaarduitvoer"
)
COMPARE_WRITTEN = "{rows} rijen vergelijking geschreven naar {output}."
STATUS_OVER = "boven envelope: {amount} in {year}"
#: The library's status column when it is narrow: the worst year, by how much over.
STATUS_OVER_SHORT = "▲ {year} +{amount}"
ARG_LARGEST_FIRST = "sorteer op grootste verschil"

# -- library -----------------------------------------------------------------------
LIBRARY_BROKEN = "kan niet laden: {problem}"
LIBRARY_BROKEN_SHORT = "kan niet laden"
FIX_LIBRARY_BUNDLED = "maak eerst een kopie (dupliceren) en wijzig die"
FIX_RESTORE_EXISTS = "hernoem of verplaats het bestand dat er nu staat, en probeer opnieuw"
YES_BUTTON = "Ja (j)"
YES_LETTERS = "jy"
NO_BUTTON = "Nee (n)"
NO_LETTERS = "n"
KEY_LIBRARY = "Bibliotheek"
HELP_LIBRARY = "Scenariobibliotheek: openen, dupliceren, hernoemen, verwijderen, vergelijken"
KEY_OPEN = "Open"
HELP_OPEN = "Open het scenario (in de prullenbak: zet terug)"
KEY_FILTER = "Filter"
HELP_FILTER = "Filter op naam of map: typ, Enter om terug naar de lijst"
KEY_DUPLICATE = "Dupliceer"
HELP_DUPLICATE = "Dupliceer als variant met een nieuwe naam"
KEY_RENAME = "Hernoem"
HELP_RENAME = "Hernoem het scenario (en het bestand)"
KEY_DELETE = "Verwijder"
HELP_DELETE = "Verplaats naar de prullenbak (terug te zetten)"
KEY_BASE = "Basis"
HELP_BASE = "Markeer als basis voor de vergelijking"
KEY_VARIANT = "Variant"
HELP_VARIANT = "Markeer als variant voor de vergelijking (meerdere mogelijk)"
KEY_COMPARE = "Vergelijk"
HELP_COMPARE = "Vergelijk de basis met de gemarkeerde varianten"
KEY_TRASH = "Prullenbak"
HELP_TRASH = "Toon de prullenbak (Enter zet terug)"
KEY_BACK = "Terug"
HELP_BACK = "Terug naar het vorige scherm"
LIBRARY_TITLE = "Scenariobibliotheek  ·  b basis, spatie variant, c vergelijk, / filter"
TRASH_TITLE = "Prullenbak  ·  Enter zet terug, Esc terug naar de bibliotheek"
LIBRARY_FILTER = "Filter: typ een deel van de naam of map"
#: Where a folder in the library comes from, by code.
SOURCE_KINDS = {"bundled": "voorbeeld", "own": "eigen", "team": "team"}
#: The same in a narrow folder column (a team folder is then shown by its name alone).
SOURCE_KINDS_SHORT = {"bundled": "voorb.", "own": "eigen"}
TEAM_FOLDER = "{kind}: {folder}"
LIBRARY_COLUMNS = ("", "Naam", "Status", "Jaren", "Map", "Gewijzigd")
#: Two scenarios of one name in one folder: the name column adds the file's.
LIBRARY_SAME_NAME = "{name} ({file})"
#: The detail line under the library: the row's last change, and its folder.
LIBRARY_CHANGED_BY = "gewijzigd {when} door {who} · {folder}"
LIBRARY_CHANGED = "gewijzigd {when} · {folder}"
TRASH_COLUMNS = ("Bestand", "Oorspronkelijke map", "Verwijderd op")
MARK_BASE = "B"
MARK_VARIANT = "V{n}"
DUPLICATE_TITLE = "Dupliceer als variant"
RENAME_TITLE = "Hernoem scenario"
VARIANT_SUGGESTION = "{name} variant"
DUPLICATED = "Variant opgeslagen: {file}"
RENAMED = "Hernoemd: {file}"
DELETED = "Naar de prullenbak: {file} (terugzetten: t, Enter)"
RESTORED = "Teruggezet: {file}"
DELETE_TITLE = "Verwijderen"
DELETE_QUESTION = "'{name}' naar de prullenbak verplaatsen? U kunt het later terugzetten."
COMPARE_NEEDS_MARKS = "Markeer een basis (b) en minstens één variant (spatie), dan c."
OPEN_DISCARD_TITLE = "Niet-opgeslagen wijzigingen"
OPEN_DISCARD_QUESTION = (
    "Het huidige scenario heeft niet-opgeslagen wijzigingen. Toch een ander openen?"
    " De wijzigingen gaan dan verloren."
)
KEY_VIEW_ROWS = "Verschillen"
HELP_VIEW_ROWS = "Verschillen per gebied, post en jaar"
KEY_VIEW_TOTALS = "Totalen"
HELP_VIEW_TOTALS = "Totalen per scenario tegen de envelope"
KEY_VIEW_EXPLAIN = "Verklaring"
HELP_VIEW_EXPLAIN = "De vastgelegde wijzigingen die het verschil verklaren, met toelichting"
KEY_VIEW_BARS = "Grafiek"
HELP_VIEW_BARS = "Balken: netto budget per gebied per scenario, aandeel couleur locale"
KEY_ONLY_CHANGES = "Alles/verschil"
KEY_VIEWS = "Weergave"
HELP_ONLY_CHANGES = "Wissel tussen alleen verschillen en alle cellen"
KEY_SORT = "Sorteer"
HELP_SORT = "Wissel tussen bestandsvolgorde en grootste verschil eerst"
HELP_BARS_YEAR = "Grafiek: ander jaar"
HELP_EXPORT_COMPARISON = "Vergelijking als CSV of Excel-werkmap (als 'gebiedsplanner compare -o')"
COMPARE_STATE = "{shown} van {total} cellen · {filter} · {order}"
STATE_ONLY_CHANGES = "alleen verschillen"
STATE_ALL = "alle cellen"
STATE_LARGEST = "grootste verschil eerst"
STATE_FILE_ORDER = "volgorde van de basis"
COMPARE_FILE = "vergelijking.csv"

# -- undo / redo -----------------------------------------------------------------------
KEY_UNDO = "Ongedaan"
HELP_UNDO = "Maak de laatste wijziging of verschuiving ongedaan (wordt gelogd)"
KEY_REDO = "Opnieuw"
HELP_REDO = "Doe de laatst ongedaan gemaakte wijziging opnieuw"
NOTHING_TO_UNDO = "Niets om ongedaan te maken in deze sessie."
NOTHING_TO_REDO = "Niets om opnieuw te doen."
LOCK_BUSY = (
    "een ander programma schrijft al geruime tijd naar dit bestand of een ander in deze map"
)
FIX_LOCK_BUSY = "probeer het over een minuut opnieuw; niets is gewijzigd"
NO_LOCKS_HERE = "in deze map kan geen schrijfslot worden gezet (een netwerkmap zonder sloten?)"
FIX_NO_LOCKS_HERE = (
    "vraag de beheerder de map met sloten te delen (NFS: lockd), of werk in een andere map"
)

# -- merging a colleague's changes ----------------------------------------------------
KEY_TOGGLE_CHOICE = "Wissel keuze"
KEY_ALL_OURS = "Alles van mij"
KEY_ALL_THEIRS = "Alles van collega"
KEY_AS_VARIANT = "Als variant"
CONFLICT_TITLE = "Een collega heeft dezelfde cellen gewijzigd"
CONFLICT_EXPLAIN = (
    "Het bestand is opgeslagen door iemand anders sinds u het opende. Wijzigingen in andere"
    " cellen zijn al samengevoegd. Kies per cel welk bedrag blijft."
)
CONFLICT_COLUMNS = ("Cel", "was", "mijn", "collega", "keuze")
CHOICE_OURS = "mijn"
CHOICE_THEIRS = "collega"
CONFLICT_KEYS = (
    "spatie: wissel · a: alles van mij · c: alles van collega · s: opslaan"
    " · v: opslaan als variant · esc: terug (niets opgeslagen)"
)
RECOVER_CONFLICT_TITLE = "Herstelde wijzigingen raken cellen die ook op het scherm gewijzigd zijn"
RECOVER_CONFLICT_EXPLAIN = (
    "Een eerdere sessie en wat nu op het scherm staat veranderden dezelfde cellen."
    " Wijzigingen in andere cellen worden ook hersteld. Kies per cel welk bedrag blijft."
)
RECOVER_CONFLICT_COLUMNS = ("Cel", "was", "hersteld", "op scherm", "keuze")
CHOICE_RECOVERED = "hersteld"
CHOICE_ON_SCREEN = "op scherm"
RECOVER_CONFLICT_KEYS = (
    "spatie: wissel · a: alles hersteld · c: alles op scherm · s: herstellen"
    " · esc: later beslissen (het journaal blijft bewaard)"
)
MERGED = "Samengevoegd met de wijzigingen van een collega en opgeslagen in {file}."
CHANGED_SHAPE = (
    "het bestand is intussen anders van opbouw geworden (gebieden, posten of jaren):"
    " samenvoegen per cel kan niet"
)
FIX_CHANGED_SHAPE = "sla uw versie op als variant (S) en vergelijk beide in de bibliotheek (l)"

# -- crash journal and recovery ---------------------------------------------------------
JOURNAL_GONE = "het herstel-journaal is verwijderd terwijl u werkte"
FIX_JOURNAL_GONE = "er is een nieuw journaal begonnen met al uw niet-opgeslagen wijzigingen"
JOURNAL_CLOSED = "het herstel-journaal is al gesloten"
FIX_JOURNAL_CLOSED = "sla op, of open het scenario opnieuw"
JOURNAL_FAILED = "deze wijziging staat op het scherm, maar kon niet in het herstel-journaal"
FIX_JOURNAL_FAILED = "sla zo snel mogelijk op (ctrl+s); de wijziging zelf is niet verloren"
REASON_TOO_LONG = (
    "De toelichting is {count} tekens lang; meer dan 100.000 is vast een plakfout."
    " Er is niets gewijzigd: kort de toelichting in."
)
STALE_CHANGE = "{cell} is niet meer {old} maar {now}: deze stap past niet meer en is overgeslagen"
STALE_NOTE = (
    "de notitie van {gebied} is intussen veranderd: deze stap past niet meer en is overgeslagen"
)
RECOVERED_VARIANT = "{name} (hersteld)"
RECOVER_TITLE = "Niet-opgeslagen wijzigingen gevonden"
RECOVER_QUESTION = (
    "Er zijn niet-opgeslagen wijzigingen ({count}) aan {file} van {since}. Wat wilt u doen?"
)
RECOVER_QUESTION_MANY = (
    "Er zijn niet-opgeslagen wijzigingen ({count}) aan {file} uit {sessions} sessies"
    " (de eerste van {since}). Herstellen brengt ze allemaal terug. Wat wilt u doen?"
)
RECOVER_SINCE_UNKNOWN = "onbekende tijd"
RECOVER_SKIPPED = (
    "\n{count} vastgelegde stappen zijn onleesbaar of passen niet meer bij het bestand:"
    " die worden niet hersteld; het journaal wordt bewaard."
)
RECOVER_SESSION = "sessie van {who}, begonnen {since}:"
RECOVER_KEYS = "h: herstellen · t: tonen · w: weggooien · esc: later beslissen"
RECOVER_BUTTON = "Herstellen (h)"
RECOVER_LETTERS = "h"
SHOW_BUTTON = "Tonen (t)"
SHOW_LETTERS = "t"
DISCARD_BUTTON = "Weggooien (w)"
DISCARD_LETTERS = "w"
RECOVERED = "{count} wijzigingen hersteld; nog niet opgeslagen."
RECOVERED_KEPT = "Het journaal met wat niet hersteld kon worden is bewaard in {file}."
RECOVERED_AS_VARIANT = (
    "Wijzigingen aan een eerdere opbouw van dit bestand zijn als variant bewaard: {file}"
)
RECOVER_LATER = "Niet hersteld; de wijzigingen worden de volgende keer opnieuw aangeboden."
DISCARDED = "Wijzigingen weggegooid (bewaard in {file})."
#: The word a journal set aside has in its file name (``<journal>.jsonl.weggegooid-<when>``),
#: by why: the messages above name that file. Letters only: it is part of a file name.
JOURNAL_ASIDE = {"discarded": "weggegooid", "damaged": "beschadigd"}
ALSO_EDITING = (
    "Ook geopend om te bewerken door {who}. Uw wijzigingen worden bij opslaan per cel samengevoegd."
)
ALSO_EDITING_READ_ONLY = (
    "Ook geopend om te bewerken door {who}. Wat zij opslaan, ziet u als u het scenario"
    " opnieuw opent."
)
EDITOR_NOTE = "{user} op {host} sinds {since}"
EDITORS_MORE = "{who} en {count} anderen"
KEY_HISTORY = "Historie"
HELP_HISTORY = "Wijzigingslogboek van de cel onder de cursor (a: hele scenario)"
KEY_HISTORY_SCOPE = "Cel / alles"
HISTORY_EMPTY = "Nog geen wijzigingen vastgelegd."
HISTORY_ALL = "Wijzigingslogboek van het hele scenario (nieuwste eerst)"
HISTORY_CELL = "Wijzigingslogboek van {cell} (nieuwste eerst)"
HISTORY_KEYS = "a: deze cel / hele scenario · esc: sluiten"
KEY_POLICY = "Beleid"
HELP_POLICY = "Beleidsregels: waar het plan ze schendt (! achter een bedrag)"
POLICY_TITLE = "Beleidsregels ({count} keer geschonden)"
POLICY_RULES = "Regels van dit scenario:"
POLICY_NO_RULES = "Dit scenario heeft geen beleidsregels (een tabel [beleid] in het bestand)."
POLICY_PER_YEAR = "Per jaar: {years}"
POLICY_YEAR_COUNT = "{year}: {count}"
POLICY_YEAR = "{year}:"
POLICY_ALL_MET = "Het plan voldoet aan alle regels."
POLICY_KEYS = "! achter een bedrag: in strijd met een regel · esc: sluiten"

# -- terminal and crashes ---
CRASH_APP = (
    "Onverwachte fout: gebiedsplanner is gestopt. Niet-opgeslagen wijzigingen staan in het"
    " herstel-journaal en worden bij de volgende start aangeboden. {where}"
)
OUTPUT_FAILED = (
    "gebiedsplanner: de uitvoer kon niet worden geschreven: {why}. Wat de opdracht deed,"
    " is gedaan (een verschuiving is opgeslagen); alleen dit verslag ontbreekt.\n"
    "    oplossing: maak ruimte vrij, of stuur de uitvoer naar een andere schijf"
)
OUTPUT_FULL = "er is geen ruimte meer (de schijf of uw quotum is vol)"
OUTPUT_GONE = "de terminal of het apparaat reageert niet meer"
CRASH_COMMAND = "Onverwachte fout: gebiedsplanner {command} is gestopt. {where}"
CRASH_START = "Onverwachte fout: gebiedsplanner kon niet starten. {where}"
CRASH_LOG_WRITTEN = "Foutrapport: {file}"
CRASH_LOG_FAILED = (
    "Het foutrapport kon niet worden bewaard in {folder} ({reason}); de fout: {error}"
)

# -- ssh-serve: advisers and the server ------------------------------------------
ADVISERS_NOT_UTF8 = "het bestand is geen UTF-8-tekst"
FIX_ADVISERS_UTF8 = "sla het bestand op als UTF-8 (zoals ssh-keygen het schrijft)"
ADVISER_NO_KEY = "geen sleutel: verwacht SLEUTELTYPE SLEUTEL NAAM, eventueel met opties ervoor"
ADVISER_BAD_KEY = "de sleutel is beschadigd (geen geldige base64, of niet van dit sleuteltype)"
FIX_ADVISER_LINE = (
    "kopieer de regel opnieuw uit het .pub-bestand van de adviseur en zet de naam erachter,"
    " bijvoorbeeld: ssh-ed25519 AAAA... anna"
)
ADVISER_NO_NAME = "de sleutel heeft geen naam (het commentaar achter de sleutel)"
ADVISER_BAD_NAME = (
    "de naam achter de sleutel mag alleen letters, cijfers, spaties en .-_' bevatten"
    " (hoogstens 64 tekens)"
)
FIX_ADVISER_NAME = (
    "zet de naam van de adviseur achter de sleutel, bijvoorbeeld: ssh-ed25519 AAAA... anna"
)
ADVISER_KEY_TWICE = "deze sleutel staat al op een eerdere regel; die regel geldt"
FIX_KEY_TWICE = "haal een van de twee regels weg"
ADVISER_BAD_OPTIONS = "de opties voor de sleutel zijn niet te lezen"
ADVISER_UNKNOWN_OPTION = "onbekende optie {option}"
FIX_ADVISER_OPTIONS = (
    'gebruik alleen gebieden="Charlois,Noord" en alleen-lezen, met komma\'s ertussen en'
    " zonder spaties, voor het sleuteltype"
)
CMD_SSH_SERVE = "bied de planner aan als SSH-server: adviseurs loggen in met hun sleutel (asyncssh)"
ARG_HOST = "adres om op te luisteren (standaard 127.0.0.1: alleen deze machine)"
ARG_PORT = "poort (standaard 2222)"
BAD_PORT = "een poort is een getal van 0 tot en met 65535"
ARG_AUTHORIZED_KEYS = (
    "bestand met de sleutels van de adviseurs, in OpenSSH-opmaak; de naam achter"
    " elke sleutel is de adviseur"
)
ARG_HOST_KEY = "eigen sleutel van de server (standaard: gemaakt bij de eerste start)"
SSH_LISTENING = "gebiedsplanner luistert op {host}:{port}; serversleutel {fingerprint}"
SSH_ADVISERS = "{count} adviseur(s) uit {file}"
SSH_STOPPING = "gebiedsplanner stopt: de sessies worden beëindigd (hun journalen blijven)"
SSH_ENDED_BY_SERVER = (
    "\r\nDe server stopt. Niet-opgeslagen wijzigingen staan in uw herstel-journaal en"
    " worden bij de volgende keer inloggen aangeboden.\r\n"
)
SSH_NEEDS_TERMINAL = (
    "gebiedsplanner heeft een terminal nodig: log in met ssh -t, of geef een opdracht"
    " (summary, export, compare, report)\r\n"
)
SSH_COMMAND_REFUSED = "opdracht geweigerd: {command}: {why}\r\n"
SSH_COMMAND_TOO_LONG = "de opdracht is te lang"
SSH_COMMAND_UNREADABLE = "de opdracht is niet te lezen (een aanhalingsteken staat alleen)"
SSH_COMMAND_UNKNOWN = "hier kunnen alleen summary, export, compare en report draaien"
SSH_COMMAND_CHOICE = "{option} is een van: {allowed}"
SSH_COMMAND_OPTION = "optie {option} kan hier niet: {command} neemt over ssh {takes}"
SSH_COMMAND_OPTION_LOCAL = (
    "optie {option} kan hier niet: over ssh spreekt de server zijn eigen taal, en hulp en"
    " versie geeft gebiedsplanner op uw eigen computer; {command} neemt over ssh {takes}"
)
SSH_COMMAND_NO_OPTIONS = "geen opties"
SSH_COMMAND_TO_TERMINAL = "{why}; geef de opdracht zonder -t, met > {file}"
SSH_COMMAND_FILES = (
    "summary en export nemen één scenario, compare een basis en een tot negentien varianten,"
    " report een scenario en tot negentien varianten"
)
SSH_COMMAND_NOT_A_NAME = (
    "{name} is geen bestandsnaam: noem een scenario zoals de bibliotheek het toont, zonder map"
)
SSH_COMMAND_NO_FILE = "{name} staat niet in de gedeelde mappen"
SSH_HOST_KEY_MADE = "nieuwe serversleutel gemaakt: {file}"
SSH_HOST_KEY_BAD = "de serversleutel is niet te lezen"
FIX_HOST_KEY = "geef een OpenSSH-privésleutel met --host-key, of haal het bestand weg"
SSH_PORT_IN_USE = "poort {port} op {host} is niet te gebruiken: {why}"
FIX_PORT_IN_USE = "kies een andere poort met --port, of stop het programma dat hem gebruikt"

# -- ssh-serve: the limits on what a client may take ----------------------------------
ARG_MAX_TERMINALS_PER_ADVISER = "terminalsessies per adviseur tegelijk (standaard 3)"
ARG_MAX_TERMINALS_PER_CONNECTION = "terminalsessies per verbinding (standaard 1)"
ARG_MAX_CHANNELS_PER_CONNECTION = (
    "kanalen (sessies en opdrachten) die één verbinding open mag hebben (standaard 10)"
)
ARG_MAX_SESSIONS = "sessies en opdrachten tegelijk, van alle adviseurs samen (standaard 50)"
ARG_MAX_CONNECTIONS_PER_ADVISER = "ingelogde verbindingen per adviseur tegelijk (standaard 10)"
ARG_MAX_UNAUTHENTICATED_PER_ADDRESS = (
    "verbindingen per adres die nog niet zijn ingelogd (standaard 20)"
)
ARG_MAX_UNAUTHENTICATED = (
    "verbindingen die nog niet zijn ingelogd, van alle adressen samen (standaard 100)"
)
ARG_MAX_COMMANDS_PER_ADVISER = (
    "opdrachten (ssh host summary ...) per adviseur tegelijk (standaard 2)"
)
ARG_MAX_COMMAND_MEGABYTES = (
    "MB die één opdracht mag lezen: de grootte van zijn scenario's samen (standaard 16)"
)
ARG_MAX_COMMAND_SECONDS = (
    "seconden die één opdracht mag lopen; dan wordt hij gestopt (standaard 120)"
)
ARG_MAX_IDLE_SECONDS = (
    "seconden zonder toetsaanslag waarna een sessie eindigt; het journaal blijft"
    " (standaard 1800)"
)
BAD_LIMIT = "een grens is een geheel getal van 1 tot en met 1.000.000.000"
LIMIT_TERMINALS_PER_ADVISER = (
    "u heeft al zoveel sessies open als mag ({limit}): sluit er een en probeer het opnieuw"
)
LIMIT_TERMINALS_PER_CONNECTION = (
    "deze verbinding heeft al zoveel sessies als mag ({limit}): open een nieuwe verbinding"
    " voor een volgende"
)
LIMIT_CHANNELS_PER_CONNECTION = (
    "deze verbinding heeft al zoveel kanalen open als mag ({limit}): sluit er een, of open"
    " een nieuwe verbinding"
)
LIMIT_SESSIONS = (
    "de server heeft al zoveel sessies en opdrachten als hij toelaat ({limit}): probeer het"
    " over een paar minuten opnieuw"
)
LIMIT_CONNECTIONS_PER_ADVISER = (
    "u heeft al zoveel verbindingen open als mag ({limit}): sluit er een en probeer het opnieuw"
)
LIMIT_UNAUTHENTICATED_PER_ADDRESS = (
    "uw adres heeft al zoveel verbindingen die nog niet zijn ingelogd als mag ({limit}):"
    " probeer het zo opnieuw"
)
LIMIT_UNAUTHENTICATED = (
    "de server heeft al zoveel verbindingen die nog niet zijn ingelogd als hij toelaat"
    " ({limit}): probeer het zo opnieuw"
)
LIMIT_COMMANDS_PER_ADVISER = (
    "u heeft al zoveel opdrachten lopen als mag ({limit}): wacht tot er een klaar is"
)
LIMIT_COMMAND_MEGABYTES = (
    "de scenario's zijn samen {size}, meer dan één opdracht mag lezen ({limit}): noem er minder"
)
LIMIT_COMMAND_SECONDS = "de opdracht is gestopt: hij liep langer dan mag ({limit})"
LIMIT_IDLE_SECONDS = (
    "De sessie is beëindigd na {limit} zonder toetsaanslag. Niet-opgeslagen wijzigingen staan"
    " in uw herstel-journaal en worden bij de volgende keer inloggen aangeboden."
)
LIMIT_MEGABYTES = "{count} MB"
LIMIT_MINUTES = "{count} min"
LIMIT_SECONDS = "{count} s"

# -- what a session may change (ssh-serve: the limits on a key's line) -----------
RIGHTS_READ_ONLY = "u mag in deze sessie alleen lezen: niets wijzigen (alleen-lezen op uw sleutel)"
RIGHTS_READ_ONLY_FILES = (
    "u mag in deze sessie alleen lezen: geen scenario bewaren, kopiëren of hernoemen"
    " (alleen-lezen op uw sleutel)"
)
RIGHTS_OTHER_GEBIED = "{gebied} is alleen te lezen: u mag alleen {gebieden} wijzigen (uw sleutel)"
RIGHTS_CITY_POSTS = (
    "de stedelijke posten zijn alleen te lezen: u mag alleen {gebieden} wijzigen (uw sleutel)"
)
RIGHTS_NO_MANAGING = (
    "u mag alleen {gebieden} wijzigen: een scenario van het team hernoemen of"
    " weggooien mag niet (uw sleutel); kopiëren kan wel (d)"
)
RIGHTS_TITLE_READ_ONLY = " · alleen lezen"
RIGHTS_TITLE_GEBIEDEN = " · mag wijzigen: {gebieden}"
RIGHTS_TITLE_GEBIEDEN_MORE = " · mag wijzigen: {gebieden} +{more}"
RIGHTS_TITLE_GEBIEDEN_COUNT = " · mag wijzigen: {count} gebieden"
RIGHTS_TITLE_ONE_GEBIED = " · mag wijzigen: 1 gebied"
RIGHTS_SAID_READ_ONLY = (
    "Alleen lezen (uw sleutel): wat iets wijzigt of bewaart, staat niet in deze lijst."
)
RIGHTS_SAID_GEBIEDEN = (
    "U mag wijzigen: {gebieden} (uw sleutel). De andere gebieden en de stedelijke posten"
    " zijn alleen te lezen."
)
ARG_READ_ONLY = "alleen lezen: niets wijzigen of bewaren (ssh-serve zet dit voor alleen-lezen)"
ARG_MAY_CHANGE = "alleen dit gebied mag wijzigen (mag vaker; ssh-serve zet dit voor gebieden=)"
ARG_CONFINED = "schrijf alleen in de scenariomappen, ook bij exporteren (ssh-serve zet dit)"
EXPORT_OUTSIDE = "buiten de scenariomappen wordt in deze sessie niets geschreven"
FIX_EXPORT_OUTSIDE = "kies een bestand in een van deze mappen: {folders}"
STATUS_UNSAVED = "● herstel ({count}); {status}"
STATUS_UNSAVED_SHORT = "● herstel ({count})"
#: The scenario open in this session, with changes not saved yet: nothing to recover.
STATUS_OPEN_HERE = "● open, niet opgeslagen ({count}); {status}"
STATUS_OPEN_HERE_SHORT = "● open"
#: Open in another session of the same user that still runs: nothing to recover either.
STATUS_OPEN_ELSEWHERE = "● open in een ander venster ({count}); {status}"
STATUS_OPEN_ELSEWHERE_SHORT = "● open elders"
LIBRARY_UNSAVED = (
    "Niet-opgeslagen wijzigingen van een eerdere sessie in: {names}. Open het scenario om"
    " ze terug te halen."
)
SSH_BAD_TERMINAL = (
    "terminaltype {term} is onbekend: zet TERM op een gewoon type, zoals xterm-256color\r\n"
)
LINK_LEADS_OUT = "een koppeling naar een bestand buiten deze map: hier niet te openen"
FIX_LINK_LEADS_OUT = "vraag de beheerder het bestand zelf in de map te zetten, niet een koppeling"

# -- Excel workbooks -----------------------------------------------------------------
#: The plan workbook's sheets (the comparison's: XLSX_DIFFERENCES, _TOTALS, _EXPLAINED).
XLSX_PLAN = "Plan"
XLSX_ENVELOPE = "Envelope"
XLSX_CHANGES = "Wijzigingen"
XLSX_GEBIED = "Gebied"
XLSX_POST = "Post"
XLSX_NOTE = "Notitie"
XLSX_CITY = "stedelijk"
XLSX_TOTAL = "Totaal"
XLSX_ENVELOPE_HEADERS = (
    "Jaar",
    "Envelope",
    "Gepland",
    "Ruimte",
    "Taakstelling opgelegd",
    "Taakstelling verdeeld",
    "Taakstelling nog te verdelen",
)
XLSX_CHANGES_HEADERS = ("Wanneer", "Wie", "Actie", "Cel", "Oud", "Nieuw", "Toelichting")
XLSX_POLICY_TITLE = "Beleidsregels geschonden: {count}"
#: A date cell's format (Excel's codes, the same in every language of Excel).
XLSX_DATE_FORMAT = "dd-mm-yyyy hh:mm"
#: The right of every printed page's footer (``&P`` and ``&N`` are filled in by Excel).
XLSX_PAGE = "pagina {page} van {pages}"
#: A moment in a footer or a report (``strftime``).
DATE_TIME_FORMAT = "%d-%m-%Y %H:%M"
ARG_EXPORT_FORMAT = (
    "csv of xlsx (een Excel-werkmap); standaard: xlsx als OUT op .xlsx eindigt, anders csv"
)
EXPORTED_WORKBOOK = "Werkmap geschreven: {output} (bladen Plan, Envelope, Wijzigingen)"
XLSX_COMPARE_HEADERS = (
    "Basisscenario",
    "Variant",
    "Gebied",
    "Post",
    "Jaar",
    "Basis",
    "Bedrag variant",
    "Verschil",
)
XLSX_COMPARE_TOTALS_HEADERS = ("Jaar", "Scenario", "Envelope", "Gepland", "Ruimte")
XLSX_EXPLANATION = "Toelichting"
XLSX_DIFFERENCES = "Verschillen"
XLSX_TOTALS = "Totalen"
XLSX_EXPLAINED = "Toelichting"
XLSX_COMPARE_TITLE = "Vergelijking met {base}"
ARG_COMPARE_FORMAT = (
    "csv of xlsx (een Excel-werkmap met verschillen, totalen en toelichting);"
    " standaard: naar de naam van -o"
)
EXPORTED_WORKBOOK_COMPARE = (
    "Werkmap geschreven: {output} (bladen Verschillen, Totalen, Toelichting)"
)

# -- chart view (v) -----------------------------------------------------------------
CHART_TITLE = "Grafiek  ·  {name}"
CHART_GEBIEDEN = "Budget per gebied in {year} (netto, en het aandeel couleur locale)"
CHART_LEGEND = "{cl} couleur locale  {go} gebiedsopdracht  {ts} taakstelling"
CHART_LEGEND_MINIMUM = "{mark} minimum couleur locale ({pct})"
CHART_YEARS = "Gepland per jaar (│ = envelope)"
CHART_OVER = "▲ boven"
CHART_KEYS = "] [ jaar · esc/v: terug"
KEY_CHART = "Grafiek"
HELP_CHART = "grafiek: budget per gebied en gepland per jaar tegen de envelope"

# -- the HTML report -------------------------------------------------------------------
REPORT_LANG = "nl"
REPORT_YEARS = "Gepland per jaar tegen de envelope"
REPORT_YEAR_HEADERS = ("jaar", "envelope", "gepland", "ruimte", "taakstelling nog te verdelen")
REPORT_MADE = "Gemaakt op {when}."
REPORT_MADE_FROM = "Gemaakt op {when}, uit deze bestanden:"
REPORT_SOURCE_HEADERS = ("scenario", "bestand", "SHA-256 (begin)")
REPORT_COMPOSITION = "Budget per gebied in {year}: couleur locale, gebiedsopdracht en taakstelling"
REPORT_SHARE = "Aandeel couleur locale van het netto budget per gebied in {year}"
REPORT_MINIMUM = "minimum {pct}"
REPORT_GEBIEDEN = "Per gebied"
REPORT_NET = "netto"
REPORT_CITY = "Stedelijke posten"
REPORT_CITY_POST = "post"
REPORT_CITY_TOTAL = "totaal stedelijk"
REPORT_NOTE = "Notitie:"
REPORT_DIFFERENCES = "Verschillen met de varianten"
REPORT_DIFFERENCE_HEADERS = ("variant", "gebied", "post", "jaar", "basis", "variant", "verschil")
REPORT_EXPLAINED = "Toelichting: de vastgelegde wijzigingen en hun redenen"
CMD_REPORT = "een rapport om te delen: HTML (ook offline) of PDF, met tabellen en grafieken, A4"
ARG_REPORT_OUT = "het bestand: .html of .pdf; zonder -o, of met -o -: naar de standaarduitvoer"
ARG_REPORT_FORMAT = (
    "html of pdf (afgedrukt door Chromium); standaard: naar de naam van -o, anders html"
)
REPORT_WRITTEN = "Rapport geschreven: {output}"
WORKBOOK_TO_TERMINAL = "een werkmap is geen tekst: op het scherm wordt het onleesbaar"
FIX_WORKBOOK_TO_TERMINAL = "schrijf hem naar een bestand: -o plan.xlsx, of > plan.xlsx"
