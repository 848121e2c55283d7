"""The server-time chart, as a hand-written SVG.

matplotlib is not a dependency of this project, and a chart of a few lines with whiskers
does not justify adding one: the SVG below opens in any browser and in GitHub's viewer.
"""

import math
from html import escape

COLOURS = ["#2a6b58", "#3b5bcc", "#c0662e", "#7a4a9a", "#2f6f73", "#8c3b5b"]
WIDTH, HEIGHT = 720, 440
LEFT, RIGHT, TOP, BOTTOM = 70, 200, 50, 60


def nice_ceiling(value):
    if value <= 0:
        return 1
    magnitude = 10 ** math.floor(math.log10(value))
    for step in (1, 2, 2.5, 5, 10):
        if value <= step * magnitude:
            return step * magnitude
    return 10 * magnitude


def server_time_svg(series, title, budget=None):
    """``series``: {name: [(articles, median, p10, p90), ...]}. ``budget``: the factor
    the listings may grow by, drawn as a tick above each listing's first point."""
    sizes = sorted({point[0] for points in series.values() for point in points})
    top = nice_ceiling(max(point[3] for points in series.values() for point in points) * 1.1)
    plot_w, plot_h = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    low, high = math.log10(min(sizes)), math.log10(max(sizes))
    span = (high - low) or 1

    pad = 40  # keeps the whiskers off the axes

    def x(articles):
        if high == low:
            return LEFT + plot_w / 2
        return LEFT + pad + (math.log10(articles) - low) / span * (plot_w - 2 * pad)

    def y(ms):
        return TOP + plot_h - ms / top * plot_h

    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{HEIGHT}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" font-family="sans-serif" font-size="12">',
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#fff"/>',
        f'<text x="{LEFT}" y="24" font-size="15" font-weight="bold">{escape(title)}</text>',
    ]
    for n in range(6):
        ms = top * n / 5
        out.append(
            f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{y(ms):.1f}" y2="{y(ms):.1f}" '
            f'stroke="#ddd"/><text x="{LEFT - 8}" y="{y(ms) + 4:.1f}" text-anchor="end">'
            f"{ms:g}</text>"
        )
    for articles in sizes:
        out.append(
            f'<line x1="{x(articles):.1f}" x2="{x(articles):.1f}" y1="{TOP}" '
            f'y2="{TOP + plot_h}" stroke="#eee"/><text x="{x(articles):.1f}" '
            f'y="{TOP + plot_h + 18}" text-anchor="middle">{articles:,}</text>'
        )
    out += [
        f'<line x1="{LEFT}" x2="{LEFT}" y1="{TOP}" y2="{TOP + plot_h}" stroke="#333"/>',
        f'<line x1="{LEFT}" x2="{LEFT + plot_w}" y1="{TOP + plot_h}" y2="{TOP + plot_h}" '
        'stroke="#333"/>',
        f'<text x="{LEFT + plot_w / 2}" y="{HEIGHT - 18}" text-anchor="middle">'
        "articles on the site (log scale)</text>",
        f'<text transform="translate(18 {TOP + plot_h / 2}) rotate(-90)" '
        'text-anchor="middle">server time, ms (median; whiskers p10–p90)</text>',
    ]
    for n, (name, points) in enumerate(series.items()):
        colour = COLOURS[n % len(COLOURS)]
        points = sorted(points)
        offset = (n - (len(series) - 1) / 2) * 4  # keeps whiskers of equal x apart
        line = " ".join(f"{x(a) + offset:.1f},{y(m):.1f}" for a, m, _, _ in points)
        out.append(f'<polyline points="{line}" fill="none" stroke="{colour}" stroke-width="2"/>')
        for articles, median, p10, p90 in points:
            cx = x(articles) + offset
            out.append(
                f'<line x1="{cx:.1f}" x2="{cx:.1f}" y1="{y(p10):.1f}" y2="{y(p90):.1f}" '
                f'stroke="{colour}"/><circle cx="{cx:.1f}" cy="{y(median):.1f}" r="3.5" '
                f'fill="{colour}"><title>{escape(name)} at {articles:,} articles: '
                f"{median:.1f} ms (p10 {p10:.1f}, p90 {p90:.1f})</title></circle>"
            )
        if budget and name in budget and len(points) > 1:
            limit = points[0][1] * budget[name]
            bx = x(points[-1][0]) + offset
            out.append(
                f'<line x1="{bx - 7:.1f}" x2="{bx + 7:.1f}" y1="{y(limit):.1f}" '
                f'y2="{y(limit):.1f}" stroke="{colour}" stroke-dasharray="3 2"/>'
            )
        ly = TOP + 10 + n * 20
        out.append(
            f'<line x1="{WIDTH - RIGHT + 20}" x2="{WIDTH - RIGHT + 40}" y1="{ly}" y2="{ly}" '
            f'stroke="{colour}" stroke-width="2"/><text x="{WIDTH - RIGHT + 46}" y="{ly + 4}">'
            f"{escape(name)}</text>"
        )
    if budget:
        ly = TOP + 10 + len(series) * 20 + 10
        out.append(
            f'<line x1="{WIDTH - RIGHT + 20}" x2="{WIDTH - RIGHT + 40}" y1="{ly}" y2="{ly}" '
            f'stroke="#333" stroke-dasharray="3 2"/><text x="{WIDTH - RIGHT + 46}" '
            f'y="{ly + 4}">budget: {next(iter(budget.values()))}× the</text>'
            f'<text x="{WIDTH - RIGHT + 46}" y="{ly + 18}">smallest size</text>'
        )
    out.append("</svg>")
    return "\n".join(out) + "\n"
