"""Stage 1: get bytes (feeds, listings, folders over one HTTP seam) and turn them into text."""
