#!/usr/bin/env python3
"""scripts/module-graph.py SRC…: module dependency graph of a crate's src/ (file = module), from `crate::`,
`super::` and `self::` paths outside comments; prints edges and any cycles."""
import os, re, sys

def modules(src):
    mods = {}
    for root, _, files in os.walk(src):
        for f in files:
            if f.endswith('.rs'):
                p = os.path.join(root, f)
                rel = os.path.relpath(p, src)[:-3]
                parts = rel.split(os.sep)
                if parts[-1] in ('mod', 'lib', 'main'):
                    parts = parts[:-1]
                mods['::'.join(parts) or 'crate'] = p
    return mods

def strip_comments(text):
    return '\n'.join(re.sub(r'//.*', '', l) for l in text.splitlines())

def resolve(mod, path, mods):
    """The longest known module that `path` (from `mod`) names."""
    parts = path.split('::')
    base = [] if mod == 'crate' else mod.split('::')
    if parts[0] == 'crate':
        cur, rest = [], parts[1:]
    elif parts[0] == 'super':
        cur, rest = base[:-1], parts[1:]
        while rest and rest[0] == 'super':
            cur, rest = cur[:-1], rest[1:]
    else:
        cur, rest = base, parts[1:]
    best = '::'.join(cur) or 'crate'
    for i in range(len(rest)):
        cand = '::'.join(cur + rest[:i + 1])
        if cand in mods:
            best = cand
    return best

def graph(src):
    mods = modules(src)
    edges = {m: set() for m in mods}
    for m, p in mods.items():
        text = strip_comments(open(p).read())
        # `use a::{b, c::d}` groups: expand one level of braces
        for g in re.finditer(r'\b((?:crate|super|self)(?:::\w+)*)::\{([^}]*)\}', text):
            for item in g.group(2).split(','):
                item = item.strip().split(' as ')[0]
                if item:
                    edges[m].add(resolve(m, g.group(1) + '::' + item, mods))
        for g in re.finditer(r'\b((?:crate|super|self)(?:::\w+)+)', text):
            edges[m].add(resolve(m, g.group(1), mods))
    for m in edges:
        edges[m].discard(m)
        # a module's own ancestors and the crate root count only when named
        edges[m] = {t for t in edges[m] if t != 'crate' or m == 'crate'}
    return edges

def cycles(edges):
    index, low, stack, on, out, n = {}, {}, [], set(), [], [0]
    def visit(v):
        index[v] = low[v] = n[0]; n[0] += 1; stack.append(v); on.add(v)
        for w in edges.get(v, ()):
            if w not in index:
                visit(w); low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop(); on.discard(w); comp.append(w)
                if w == v: break
            if len(comp) > 1: out.append(sorted(comp))
    for v in edges:
        if v not in index: visit(v)
    return out

for src in sys.argv[1:]:
    e = graph(src)
    print(f'## {src}')
    for m in sorted(e):
        print(f'  {m} -> {", ".join(sorted(e[m])) or "(nothing)"}')
    c = cycles(e)
    print('  cycles:', c if c else 'none')
