"""Stage 2: turn document text into facts (budgets, projects, meetings) with their evidence."""
