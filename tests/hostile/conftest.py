"""Hostile files and environments: each test keeps its fixtures in its own file."""
