"""Money as people read it: format_vnd.

Part of :mod:`nhanluc.scenario`, which re-exports its names."""


from ._common import _lang


# ------------------------------------------------------------- formatting

def _int(n, lang):
    text = "{:,}".format(int(n))
    return text.replace(",", ".") if lang == "vi" else text


def format_vnd(amount, lang="vi", compact=False, sign=False):
    """An amount of đồng as text: ``1.500.000.000 đ`` (vi), ``VND
    1,500,000,000`` (en); *compact*: ``1,5 tỷ đ`` / ``VND 1.5 bn``,
    ``150 triệu đ`` / ``VND 150 m``; *sign*: ``+`` before positive amounts."""
    lang = _lang(lang)
    amount = int(amount)
    s = "+" if sign and amount > 0 else ("-" if amount < 0 else "")
    a = abs(amount)
    if not compact:
        return ("%s%s đ" % (s, _int(a, "vi"))) if lang == "vi" else \
            ("%sVND %s" % (s, _int(a, "en")))
    for size, vi, en in ((10 ** 12, "nghìn tỷ", "tn"), (10 ** 9, "tỷ", "bn"),
                         (10 ** 6, "triệu", "m"), (10 ** 3, "nghìn", "k")):
        if a >= size:
            x = a / size
            text = ("%.2f" % x).rstrip("0").rstrip(".") if x < 100 else "%.0f" % x
            if lang == "vi":
                return "%s%s %s đ" % (s, text.replace(".", ","), vi)
            return "%sVND %s %s" % (s, text, en)
    return ("%s%d đ" % (s, a)) if lang == "vi" else ("%sVND %d" % (s, a))
