#!/usr/bin/env python3
# Regenerates the keyboard pictures of lessons/clavier: python3 tools/lesson-art/keyboard_pictures.py lessons/clavier
# Draws the French AZERTY keyboard as plain SVG shapes (nanosvg ignores <text>), with
# some keys highlighted. Glyphs are strokes on a 8x12 grid, baseline at y=12.
import sys

G = {
 'A': "M0 12L4 0L8 12M1.5 7.5H6.5",
 'B': "M0 12V0H5Q8 0 8 3Q8 6 5 6H0M5 6Q8.5 6 8.5 9Q8.5 12 5 12H0",
 'C': "M8 2Q6.5 0 4.5 0Q0 0 0 6Q0 12 4.5 12Q6.5 12 8 10",
 'D': "M0 0V12H3.5Q8 12 8 6Q8 0 3.5 0Z",
 'E': "M8 0H0V12H8M0 6H6",
 'F': "M8 0H0V12M0 6H6",
 'G': "M8 2Q6.5 0 4.5 0Q0 0 0 6Q0 12 4.5 12Q8 12 8 8V7H5",
 'H': "M0 0V12M8 0V12M0 6H8",
 'I': "M4 0V12M2 0H6M2 12H6",
 'J': "M7 0V9Q7 12 4 12Q1 12 1 9",
 'K': "M0 0V12M8 0L0 7.5M3 5L8 12",
 'L': "M0 0V12H7",
 'M': "M0 12V0L4 7L8 0V12",
 'N': "M0 12V0L8 12V0",
 'O': "M4 0Q0 0 0 6Q0 12 4 12Q8 12 8 6Q8 0 4 0Z",
 'P': "M0 12V0H5Q8 0 8 3.5Q8 7 5 7H0",
 'Q': "M4 0Q0 0 0 6Q0 12 4 12Q8 12 8 6Q8 0 4 0ZM5 9L8.5 13",
 'R': "M0 12V0H5Q8 0 8 3.5Q8 7 5 7H0M4 7L8 12",
 'S': "M8 1.5Q6.5 0 4 0Q0.5 0 0.5 3Q0.5 6 4 6Q8 6 8 9Q8 12 4 12Q1 12 0 10.5",
 'T': "M0 0H8M4 0V12",
 'U': "M0 0V8Q0 12 4 12Q8 12 8 8V0",
 'V': "M0 0L4 12L8 0",
 'W': "M0 0L2 12L4 4L6 12L8 0",
 'X': "M0 0L8 12M8 0L0 12",
 'Y': "M0 0L4 6L8 0M4 6V12",
 'Z': "M0 0H8L0 12H8",
 '0': "M4 0Q1 0 1 6Q1 12 4 12Q7 12 7 6Q7 0 4 0Z",
 '1': "M2 2L5 0V12M2 12H8",
 '2': "M0.5 3Q1 0 4 0Q8 0 8 3.5Q8 6 0 12H8",
 '3': "M0.5 1Q2 0 4 0Q8 0 8 3Q8 6 4 6Q8.5 6 8.5 9Q8.5 12 4 12Q1.5 12 0 10.5",
 '4': "M6 12V0L0 8.5H8.5",
 '5': "M8 0H1L0.5 5.5Q2 5 4 5Q8.5 5 8.5 8.5Q8.5 12 4 12Q1.5 12 0 10.5",
 '6': "M7.5 1Q6 0 4.5 0Q0 0 0 7Q0 12 4 12Q8 12 8 8.5Q8 5 4 5Q1 5 0 7.5",
 '7': "M0 0H8L3 12",
 '8': "M4 6Q0.5 6 0.5 3Q0.5 0 4 0Q7.5 0 7.5 3Q7.5 6 4 6Q0 6 0 9Q0 12 4 12Q8 12 8 9Q8 6 4 6Z",
 '9': "M8 5Q7 7 4 7Q0 7 0 3.5Q0 0 4 0Q8 0 8 5Q8 12 3.5 12Q1.5 12 0.5 11",
 'e': "M1 9H8Q8 5 4.5 5Q1 5 1 8.5Q1 12 4.5 12Q6.5 12 7.5 11",
 'a': "M1.5 6Q3 5 4.5 5Q7.5 5 7.5 8V12M7.5 8.5Q4 8 2 9Q0.5 10 1.5 11.5Q3 12.5 5 11.5Q7 10.5 7.5 9.5",
 'c': "M7.5 6Q6.5 5 4.5 5Q1 5 1 8.5Q1 12 4.5 12Q6.5 12 7.5 11M4.5 12V13.5Q6.5 13.5 6.5 14.5Q6.5 15.5 4 15.5",
 'l': "M4 0V12",
 't': "M3 1V10.5Q3 12 5 12H6M0.5 5H6",
 'r': "M1 5V12M1 8Q2 5 5 5H6.5",
 '´': "M4 3.5L6.5 1",
 '`': "M2 1L4.5 3.5",
 '^': "M1 5L4 1L7 5",
 '@': "M10 11.5Q8 13 6 13Q0 13 0 7Q0 1 6 1Q12 1 12 6.5Q12 10 9.5 10Q8 10 8 8V4.5M8 7Q8 4.5 6 4.5Q3.5 4.5 3.5 7Q3.5 9.5 5.5 9.5Q8 9.5 8 7",
 ';': "M3.4 4.4H4.6V5.6H3.4ZM4 10.5V11Q4 13 2.5 14",
 '.': "M3.3 11.3H4.7V12.5H3.3Z",
 ',': "M4 10.5V11Q4 13 2.5 14",
 '!': "M4 0V8M3.4 11H4.6V12.2H3.4Z",
 ':': "M3.4 4.4H4.6V5.6H3.4ZM3.4 11H4.6V12.2H3.4Z",
 'shift': "M5 0L10.5 6H7.5V12H2.5V6H-0.5Z",
 'lock': "M5 0L10.5 6H7.5V9H2.5V6H-0.5ZM2.5 12H7.5",
 'back': "M15 6H1M5.5 1.5L1 6L5.5 10.5",
 'enter': "M11 0V8H1M5 4L1 8L5 12",
 'tab': "M0 6H10M6.5 2.5L10 6L6.5 9.5M10.5 2V10",
}

U, GAP, M = 44, 4, 12   # key unit, gap, margin
# Rows: (label spec, width in units). Spec: None, "X" one glyph, "top/bottom" etc.
ROWS = [
 [("",1),("1",1),("2|e´",1),("3",1),("4",1),("5",1),("6",1),("7|e`",1),("8",1),("9|c",1),("0|a`|@",1),("",1),("",1),("back",2)],
 [("tab",1.5),("A",1),("Z",1),("E",1),("R",1),("T",1),("Y",1),("U",1),("I",1),("O",1),("P",1),("^",1),("",1),("enter",1.5)],
 [("lock",1.75),("Q",1),("S",1),("D",1),("F",1),("G",1),("H",1),("J",1),("K",1),("L",1),("M",1),("",1),("",1),(None,1.25)],
 [("shift",1.25),("",1),("W",1),("X",1),("C",1),("V",1),("B",1),("N",1),(",",1),(".|;",1),(":",1),("!",1),("shift",2.75)],
 [("",1.5),("",1),("Alt",1.25),("space",6.75),("AltGr",1.25),("",1),("",1),("",1.5)],
]
NAMES = {  # row, index -> name used for highlighting
 (0,13):"back",(1,0):"tab",(1,13):"enter",(2,0):"lock",(3,0):"shiftl",(3,12):"shiftr",
 (4,2):"alt",(4,3):"space",(4,4):"altgr",(0,2):"2",(0,7):"7",(0,9):"9",(0,10):"0",(1,11):"^",(3,9):";",
}

def glyphs(parts, x, y, s):
    """parts: list of (glyph key, dx, dy) in glyph units; returns path elements."""
    out = []
    for key, dx, dy in parts:
        out.append('<path transform="translate(%g %g) scale(%g)" d="%s"/>' % (x + dx * s, y + dy * s, s, G[key]))
    return out

def word(text, x, y, s):
    parts, dx = [], 0
    for ch in text:
        parts.append((ch, dx, 0))
        dx += 10 if ch.isupper() else 8
    return glyphs(parts, x, y, s), dx * s

def draw(highlight, title):
    keys, marks = [], []
    y = M
    enter_rect = None
    for r, row in enumerate(ROWS):
        x = M
        for i, (spec, w) in enumerate(row):
            kw = w * U - GAP
            name = NAMES.get((r, i), spec if spec else "")
            fill = highlight.get(name)
            if spec is None:
                x += w * U
                continue
            if name == "enter":
                # The French Entrée key spans two rows (an upside-down L).
                x0, x1, y1 = x, x + kw, y + 2 * U - GAP
                xi = x0 + 0.25 * U
                d = "M%g %gH%gV%gH%gV%gH%gZ" % (x0, y, x1, y1, xi, y + U - GAP, x0)
                keys.append(('<path d="%s"%s/>' % (d, ' fill="%s"' % fill if fill else "")))
            else:
                keys.append('<rect x="%g" y="%g" width="%g" height="%g" rx="6"%s/>' % (
                    x, y, kw, U - GAP, ' fill="%s"' % fill if fill else ""))
            cx, cy = x + kw / 2, y + (U - GAP) / 2
            if spec in ("shift", "lock", "back", "enter", "tab"):
                gw = {"shift": 10, "lock": 10, "back": 15, "enter": 11, "tab": 10}[spec]
                s = 1.7
                gx = cx - gw * s / 2 if spec != "shift" or i == 0 else cx - gw * s / 2
                if spec == "enter":
                    gx, gy = x + kw / 2 - 5, y + 8
                elif spec == "lock":
                    gx, gy = x + 10, cy - 6 * s
                else:
                    gx, gy = (x + 10 if spec in ("shift", "tab") else cx - gw * s / 2), cy - 6 * s
                marks += glyphs([(spec, 0, 0)], gx, gy, s)
            elif spec in ("Alt", "AltGr"):
                s = 1.05
                parts, wdt = word(spec, 0, 0, s)
                marks += word(spec, cx - wdt / 2, cy - 6 * s, s)[0]
            elif spec and "|" in spec:
                bits = spec.split("|")
                marks += glyphs([(bits[0], 0, 0)], x + 5, y + 2, 0.9)
                low = bits[1]
                # bottom-left: a letter with its accent mark drawn above it
                if low == ";":
                    marks += glyphs([(";", 0, 0)], x + 5, y + 15, 1.3)
                else:
                    marks += glyphs([(low[0], 0, 0)] + ([(low[1], 0, 0)] if len(low) > 1 else []), x + 4, y + 14, 1.3)
                if len(bits) > 2:
                    marks += glyphs([(bits[2], 0, 0)], x + kw - 17, y + 21, 1.05)
            elif spec and spec != "space":
                s = 1.6 if spec.isupper() or spec == "^" else 1.6
                marks += glyphs([(spec, 0, 0)], cx - 4 * s, cy - 6 * s, s)
            x += w * U
        y += U
    W = M * 2 + 15 * U - GAP
    H = M * 2 + 5 * U - GAP
    return ('<svg xmlns="http://www.w3.org/2000/svg" width="%d" height="%d" viewBox="0 0 %d %d">\n'
            '<rect x="2" y="2" width="%d" height="%d" rx="14" fill="#555555" stroke="#222222" stroke-width="4"/>\n'
            '<g fill="#f4f4f4" stroke="#222222" stroke-width="2.5">\n%s\n</g>\n'
            '<g fill="none" stroke="#111111" stroke-width="1.3" stroke-linecap="round" stroke-linejoin="round">\n%s\n</g>\n</svg>\n') % (
        W, H, W, H, W - 4, H - 4, "\n".join(keys), "\n".join(marks))

BLUE, ORANGE, GREEN, RED, YELLOW = "#7cc4f0", "#ffb347", "#8fd46b", "#f7877c", "#ffe066"
variants = {
 "clavier": {"shiftl": BLUE, "shiftr": BLUE, "altgr": ORANGE, "enter": GREEN, "back": RED},
 "clavier-maj": {"shiftl": BLUE, "shiftr": BLUE},
 "clavier-accents": {"2": YELLOW, "7": YELLOW, "9": YELLOW, "0": YELLOW, "^": YELLOW},
 "clavier-altgr": {"altgr": ORANGE, "0": ORANGE},
 "clavier-entree": {"enter": GREEN},
 "clavier-effacer": {"back": RED},
 "clavier-espace": {"space": YELLOW},
 "clavier-point": {"shiftl": BLUE, "shiftr": BLUE, ";": BLUE, "altgr": ORANGE, "0": ORANGE},
}
outdir = sys.argv[1]
for name, hl in variants.items():
    open("%s/%s.svg" % (outdir, name), "w").write(draw(hl, name))
