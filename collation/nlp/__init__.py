"""Language processing: model loading, parsing, times, quantities, publication dates."""
