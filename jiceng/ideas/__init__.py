"""Resident suggestion campaigns (征集“金点子”): so far the machine's help — grouping and category suggestion."""
