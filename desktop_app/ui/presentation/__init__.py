"""Presentation mode: one strand per screen on a projector, driven from the keyboard."""
