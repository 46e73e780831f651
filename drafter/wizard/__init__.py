"""The terminal wizard (drafter new / drafter ask). Imported only by those commands."""
