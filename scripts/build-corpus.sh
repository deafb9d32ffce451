#!/usr/bin/env bash
# Lays out the real code the analyzer is checked against, as symlinks with standard extensions (so lizard and
# forewarm pick the same language), under OUT (default .cache/corpus). Nothing is copied into the repository.
#   OUT/<language>/...   from ../shared/data (Rosetta Code, TheAlgorithms, Benchmarks Game)
#   OUT/python-stdlib    the Python standard library of this machine
#   OUT/swift-packages   Swift sources of mirrored packages (swift-collections, swift-nio, swift-log)
set -euo pipefail
cd "$(dirname "$0")/.."
out=${1:-.cache/corpus}
data=${FOREWARM_DATA:-../shared/data}
[ -d "$data" ] || { echo "build-corpus: $data is missing" >&2; exit 1; }
rm -rf "$out"; mkdir -p "$out"

link() { # link SRC DEST-DIR NEW-EXT
    local src=$1 dir=$2 ext=$3 base
    mkdir -p "$dir"
    base=$(echo "$src" | sed "s|^$data/||; s|/|__|g; s|\.[^.]*$||")
    ln -sf "$(realpath "$src")" "$dir/$base.$ext"
}

declare -A rosetta=([c]=c [cpp]=cpp [go]=go [java]=java [javascript]=js [lua]=lua [perl]=pl [php]=php
    [python]=py [ruby]=rb [rust]=rs [swift]=swift)
for lang in "${!rosetta[@]}"; do
    [ -d "$data/rosettacode/programs/$lang" ] || continue
    find "$data/rosettacode/programs/$lang" -type f | while read -r f; do link "$f" "$out/$lang/rosetta" "${rosetta[$lang]}"; done
done
for lang in c cpp python; do
    ext=$lang; [ $lang = python ] && ext=py
    find "$data/thealgorithms/$lang" -type f \( -name "*.$ext" -o -name '*.h' -o -name '*.hpp' \) 2>/dev/null |
        while read -r f; do link "$f" "$out/$lang/thealgorithms" "${f##*.}"; done
done
declare -A game=([gcc]=c [clang]=c [gpp]=cpp [java]=java [csharp]=cs [csharpcore]=cs [csharpaot]=cs [go]=go
    [rust]=rs [swift]=swift [kotlin]=kt [typescript]=ts [node]=js [python3]=py [ruby]=rb [yarv]=rb [mri]=rb
    [php]=php [perl]=pl [lua]=lua)
for ext in "${!game[@]}"; do
    find "$data/benchmarksgame/programs" "$data/benchmarksgame/programs_q6600" -type f -name "*.$ext" 2>/dev/null |
        while read -r f; do link "$f" "$out/${game[$ext]}/benchmarksgame" "${game[$ext]}"; done
done

stdlib=$(python3 -c 'import sysconfig; print(sysconfig.get_paths()["stdlib"])')
mkdir -p "$out/python-stdlib"
(cd "$stdlib" && find . -name '*.py' -not -path './site-packages/*' -not -path './test/*' -not -path './lib2to3/tests/*') |
    while read -r f; do d="$out/python-stdlib/$(dirname "$f")"; mkdir -p "$d"; ln -sf "$stdlib/$f" "$d/"; done

for pkg in apple/swift-collections apple/swift-nio apple/swift-log; do
    repo=/opt/swift-packages/$pkg.git
    [ -d "$repo" ] || continue
    tag=$(git -C "$repo" tag --sort=-v:refname | head -1)
    mkdir -p "$out/swift-packages/${pkg#*/}"
    git -C "$repo" archive "$tag" Sources | tar -x -C "$out/swift-packages/${pkg#*/}"
done
find "$out" -type l -o -type f | sed 's/.*\.//' | sort | uniq -c | sort -rn | head -20
