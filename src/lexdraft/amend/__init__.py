"""Amendment instructions: draft them from two versions, word them (ru/kk/en, AKN), read and apply them."""
