"""Training: learn newsrestore's model files from cased text (`newsrestore train`)."""
