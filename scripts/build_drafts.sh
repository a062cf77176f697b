#!/usr/bin/env bash
# Regenerate the AKN drafts of the Digital Code from their structured-text sources with `lexdraft import`, then
# validate them: chapter 19 (illustrative reconstruction and revised draft, ru/kk/en) in drafts/kz-digital-code/,
# and the article-1 AI definitions as quoted by a study in drafts/kz-digital-code/art1/.
# Idempotent: the importer's output depends only on the text, so a second run writes byte-identical files.
#
#   scripts/build_drafts.sh            # build drafts/kz-digital-code/*.xml and validate them
#   scripts/build_drafts.sh --check    # build into a temporary folder and fail if the committed XML differs
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIRS=("drafts/kz-digital-code" "drafts/kz-digital-code/art1")
CHECK=0
TMP=""
if [[ "${1:-}" == "--check" ]]; then
    CHECK=1
    TMP="$(mktemp -d)"
    trap 'rm -rf "$TMP"' EXIT
fi

built=()
status=0
for dir in "${DIRS[@]}"; do
    out="$ROOT/$dir"
    if [[ $CHECK -eq 1 ]]; then
        out="$TMP/$dir"
        mkdir -p "$out"
    fi
    for src in "$ROOT/$dir"/src/*.txt; do
        name="$(basename "$src" .txt)"
        lexdraft import "$src" -o "$out/$name.xml"
        built+=("$out/$name.xml")
        if [[ $CHECK -eq 1 ]] && ! cmp -s "$out/$name.xml" "$ROOT/$dir/$name.xml"; then
            echo "$dir/$name.xml: out of date; run scripts/build_drafts.sh" >&2
            status=1
        fi
    done
done

lexdraft validate "${built[@]}"
exit $status
