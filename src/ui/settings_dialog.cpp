// Placeholder until this view is written.
