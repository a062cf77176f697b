#!/usr/bin/env bash
# Regenerate the AKN drafts of the Digital Code, chapter 19 (illustrative reconstruction and revised draft, ru/kk/en)
# from their structured-text sources with `lexdraft import`, then validate them.
# Idempotent: the importer's output depends only on the text, so a second run writes byte-identical files.
#
#   scripts/build_drafts.sh            # build drafts/kz-digital-code/*.xml and validate them
#   scripts/build_drafts.sh --check    # build into a temporary folder and fail if the committed XML differs
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="$ROOT/drafts/kz-digital-code"
OUT="$DIR"
CHECK=0
if [[ "${1:-}" == "--check" ]]; then
    CHECK=1
    OUT="$(mktemp -d)"
    trap 'rm -rf "$OUT"' EXIT
fi

built=()
for src in "$DIR"/src/*.txt; do
    name="$(basename "$src" .txt)"
    lexdraft import "$src" -o "$OUT/$name.xml"
    built+=("$OUT/$name.xml")
done

lexdraft validate "${built[@]}"

if [[ $CHECK -eq 1 ]]; then
    status=0
    for xml in "${built[@]}"; do
        name="$(basename "$xml")"
        if ! cmp -s "$xml" "$DIR/$name"; then
            echo "drafts/kz-digital-code/$name: out of date; run scripts/build_drafts.sh" >&2
            status=1
        fi
    done
    exit $status
fi
