"""Stage 3: raw records -> canonical values (vocabularies, numbers, lists, promises, LEPS)."""
