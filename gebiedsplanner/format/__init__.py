"""The scenario file (TOML): reading with every problem named, a fast reader for files as
the program writes them, the writer, and the patchers that keep what a person wrote,
with the choice of save strategy."""
