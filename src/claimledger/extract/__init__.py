"""Extraction: text -> figure claims and flows (see pipeline.py for the stages, in order)."""
