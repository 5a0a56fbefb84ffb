"""recconv's formats: the record model, the registry, readers and writers."""
