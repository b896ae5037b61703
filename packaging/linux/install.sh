#!/bin/sh
# Install Partnership Compass for the current user on Linux (no root needed), or remove it.
#
#   ./install.sh              install the bundle this script sits in (or dist/PartnershipCompass)
#   ./install.sh --uninstall  remove the program, its menu entry and icons
#
# The program goes to ~/.local/lib/partnership-compass, a command to ~/.local/bin, the menu entry
# to ~/.local/share/applications and the icons to ~/.local/share/icons/hicolor.
# Your data lives elsewhere, in ~/.local/share/Partnership Compass, and this script never touches it.
set -eu

HERE=$(cd "$(dirname "$0")" && pwd)
DATA_HOME=${XDG_DATA_HOME:-$HOME/.local/share}
APP_DIR=$HOME/.local/lib/partnership-compass
BIN=$HOME/.local/bin/partnership-compass
DESKTOP=$DATA_HOME/applications/partnership-compass.desktop
ICONS=$DATA_HOME/icons/hicolor
SIZES="16 24 32 48 64 128 256"

refresh_caches() {
    command -v update-desktop-database >/dev/null 2>&1 \
        && update-desktop-database -q "$DATA_HOME/applications" 2>/dev/null || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 \
        && gtk-update-icon-cache -q -t "$ICONS" 2>/dev/null || true
}

if [ "${1:-}" = "--uninstall" ]; then
    rm -rf "$APP_DIR"
    rm -f "$BIN" "$DESKTOP" "$ICONS/scalable/apps/partnership-compass.svg"
    for size in $SIZES; do
        rm -f "$ICONS/${size}x${size}/apps/partnership-compass.png"
    done
    refresh_caches
    echo "Partnership Compass has been removed."
    echo "Your data is still in $DATA_HOME/Partnership Compass: delete that folder yourself if you no longer need it."
    exit 0
fi

# The bundle: this script's own folder when shipped inside it, else the build output.
if [ -x "$HERE/PartnershipCompass" ]; then
    BUNDLE=$HERE
else
    BUNDLE=${1:-$HERE/../../dist/PartnershipCompass}
fi
if [ ! -x "$BUNDLE/PartnershipCompass" ]; then
    echo "No Partnership Compass bundle at $BUNDLE (run 'make package' first)." >&2
    exit 1
fi
BUNDLE=$(cd "$BUNDLE" && pwd)
ENTRY=$HERE/partnership-compass.desktop
[ -f "$ENTRY" ] || ENTRY=$HERE/../packaging/linux/partnership-compass.desktop
RESOURCES=$BUNDLE/_internal/resources/icons

# Copy to a temporary name and swap, so a failed copy never leaves half a program behind.
mkdir -p "$(dirname "$APP_DIR")" "$(dirname "$BIN")" "$(dirname "$DESKTOP")"
rm -rf "$APP_DIR.part"
cp -a "$BUNDLE" "$APP_DIR.part"
rm -rf "$APP_DIR"
mv "$APP_DIR.part" "$APP_DIR"
ln -sf "$APP_DIR/PartnershipCompass" "$BIN"

# Point the menu entry at the program itself: ~/.local/bin is not always on a desktop's PATH.
sed -e "s|^Exec=.*|Exec=\"$APP_DIR/PartnershipCompass\"|" \
    -e "s|^TryExec=.*|TryExec=$APP_DIR/PartnershipCompass|" "$ENTRY" > "$DESKTOP.part"
mv "$DESKTOP.part" "$DESKTOP"

for size in $SIZES; do
    mkdir -p "$ICONS/${size}x${size}/apps"
    cp "$RESOURCES/partnership-compass-$size.png" "$ICONS/${size}x${size}/apps/partnership-compass.png"
done
mkdir -p "$ICONS/scalable/apps"
cp "$RESOURCES/partnership-compass.svg" "$ICONS/scalable/apps/partnership-compass.svg"
refresh_caches

echo "Installed Partnership Compass in $APP_DIR."
echo "Open it from your applications menu, or run: $BIN"
echo "Your data is kept in $DATA_HOME/Partnership Compass."
