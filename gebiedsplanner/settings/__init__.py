"""Where data, state and config live (platformdirs), the user's config file, and the
bundled example."""
