"""Pipeline stages: quantities, movement, places, period, source."""
