"""License knowledge: tables, text identification, classification, attribution."""
