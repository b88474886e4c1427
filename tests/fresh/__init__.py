"""The fresh NLU evaluation sets (README.md); build_set_a.py and build_set_b.py build them."""

# Both sets were written to this one intent mix: lines per intent (evalkit.main checks it).
TARGET = {
    "vat_share": 24,
    "project_list": 20,
    "project_info": 22,
    "vat_spending": 16,
    "vat_compare": 16,
    "tax_calculator": 12,
    "faq": 14,
    "out_of_scope": 22,
    "feedback": 12,
    "feedback_status": 6,
    "report": 8,
    "subscribe": 6,
    "unsubscribe": 6,
    "greeting": 4,
    "help": 5,
    "thanks": 5,
}
