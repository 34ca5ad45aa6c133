"""Parsers: bytes -> text with layout -> Resume; job text -> Job."""
