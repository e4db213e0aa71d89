"""The command line: ``gebiedsplanner [SCENARIO]`` starts the app; the commands run on the
same core without it."""
