"""The bounds the SSH server and its launcher keep to, in one place: what a client may
send or claim is checked against these before anything is done with it."""

#: A request to the launcher is a command line and an environment: a few KB.
MESSAGE_LIMIT = 256 * 1024
#: The server's host key file: an ed25519 key is some 400 bytes.
HOST_KEY_LIMIT = 64 * 1024
#: How much of one field a log line keeps (a client may send a 10.000-character value).
FIELD_LIMIT = 300
#: How long a session may take to leave after its hang-up before it is killed.
LEAVE_SECONDS = 5.0
#: The largest terminal a session is given. A client may claim any size (two 32-bit
#: numbers): at 10.000 x 10.000 the planner lays out 10^8 cells, a core busy and its
#: memory growing by some 40 MB a second; above 65.535 the size does not fit a pty.
MAX_COLUMNS, MAX_ROWS = 1000, 500
#: A command line longer than this is not one of ours.
COMMAND_LIMIT = 4096
#: The most scenarios one command over SSH may name (a comparison of a base and 19
#: variants): each is read whole.
MOST_FILES = 20
