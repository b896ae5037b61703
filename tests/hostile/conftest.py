"""Hostile files and environments (issue 14): each test keeps its fixtures in its own file."""
