; Partnership Compass: Windows installer (NSIS 3, Unicode).
;
; A per-user install that needs no administrator rights: the program goes to
;   %LOCALAPPDATA%\Programs\Partnership Compass
; and the uninstaller is registered under HKCU. The user's data lives elsewhere, in
;   %LOCALAPPDATA%\Partnership Compass          (see desktop_app/paths.py data_dir)
; and neither the installer nor the uninstaller ever deletes it.
;
; Build (on Windows, after `make package` has made dist\PartnershipCompass):
;   python packaging\build_installer.py
; or by hand:
;   makensis /DVERSION=0.1.0 /DDIST=..\..\dist\PartnershipCompass /DOUTFILE=..\..\dist\PartnershipCompass-0.1.0-setup.exe packaging\windows\installer.nsi
; VERSION is required (the package's __version__; build_installer.py reads it), so it is never
; written down twice. DIST and OUTFILE default to the paths above, relative to this file.

; The app is 64-bit only (Qt 6 on Windows), so the installer is too; no WOW64 registry views.
Target amd64-unicode
ManifestDPIAware true
RequestExecutionLevel user
!ifdef FAST_CHECK
  ; build_installer.py --check: prove the script compiles, without a minute of LZMA.
  SetCompress off
!else
  SetCompressor /SOLID lzma
  SetCompressorDictSize 64
!endif

!ifndef VERSION
  !error "Pass the version: makensis /DVERSION=x.y.z installer.nsi (build_installer.py does this)"
!endif
!ifndef DIST
  !define DIST "..\..\dist\PartnershipCompass"
!endif
!ifndef OUTFILE
  !define OUTFILE "..\..\dist\PartnershipCompass-${VERSION}-setup.exe"
!endif

!define APP_NAME "Partnership Compass"
!define APP_EXE "PartnershipCompass.exe"
!define PUBLISHER "Partnership Compass"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\PartnershipCompass"
!define DATA_FOLDER "$LOCALAPPDATA\${APP_NAME}"
!define ICON "..\..\resources\icons\partnership-compass.ico"

; Windows wants four numbers in the version resource: 0.1.0 -> 0.1.0.0.
!searchparse /noerrors "${VERSION}.0.0.0" "" V1 "." V2 "." V3 "."
!define /ifndef V1 0
!define /ifndef V2 0
!define /ifndef V3 0

Name "${APP_NAME}"
Caption "${APP_NAME} ${VERSION} Setup"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP_NAME}"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "${APP_NAME} ${VERSION}"

!include "MUI2.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING

!define MUI_WELCOMEPAGE_TEXT "This will install ${APP_NAME} ${VERSION} for you only. \
  You do not need administrator rights.$\r$\n$\r$\n\
  Your schools' data is kept separately, in ${DATA_FOLDER}, \
  so installing a new version, or uninstalling, never touches it.$\r$\n$\r$\n\
  Click Next to continue."
!insertmacro MUI_PAGE_WELCOME
!define MUI_DIRECTORYPAGE_TEXT_TOP "Setup will install ${APP_NAME} in the folder below. \
  Choose a folder of its own: not the data folder (${DATA_FOLDER})."
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_RUN "$INSTDIR\${APP_EXE}"
!define MUI_FINISHPAGE_RUN_TEXT "Open ${APP_NAME} now"
!insertmacro MUI_PAGE_FINISH

!define MUI_UNCONFIRMPAGE_TEXT_TOP "${APP_NAME} will be removed from the folder below.$\r$\n\
  Your data is NOT removed: it stays in ${DATA_FOLDER}, with its backups. \
  Keep it to carry on after reinstalling, copy it to a new computer, \
  or delete that folder yourself if you no longer need it."
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; NSIS has one English; the wording on every page above is British.
!insertmacro MUI_LANGUAGE "English"

VIProductVersion "${V1}.${V2}.${V3}.0"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileDescription" "${APP_NAME} Setup"
VIAddVersionKey /LANG=${LANG_ENGLISH} "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "LegalCopyright" "${PUBLISHER}"

; Keep the program out of the data folder: an upgrade empties the program's folder.
; Sets $0 to 1 if $INSTDIR is the data folder or inside it.
Function IsInDataFolder
  StrLen $0 "${DATA_FOLDER}"
  StrCpy $1 "$INSTDIR" $0
  StrCpy $2 "$INSTDIR" 1 $0
  StrCpy $0 0
  ${If} $1 == "${DATA_FOLDER}"
  ${AndIf} $2 == ""
    StrCpy $0 1
  ${ElseIf} $1 == "${DATA_FOLDER}"
  ${AndIf} $2 == "\"
    StrCpy $0 1
  ${EndIf}
FunctionEnd

Function .onVerifyInstDir
  Call IsInDataFolder
  ${If} $0 == 1
    Abort
  ${EndIf}
FunctionEnd

Section "${APP_NAME}" SecApp
  SectionIn RO
  SetShellVarContext current
  ; The directory page already refuses the data folder; this catches /D=... on a silent install.
  Call IsInDataFolder
  ${If} $0 == 1
    MessageBox MB_ICONSTOP|MB_OK "${APP_NAME} cannot be installed in its data folder, \
      ${DATA_FOLDER}. Choose another folder." /SD IDOK
    Abort
  ${EndIf}
  SetOutPath "$INSTDIR"
  ; An upgrade replaces the whole program folder, so no file from an older version lingers.
  RMDir /r "$INSTDIR\_internal"
  File /r "${DIST}\*"
  WriteUninstaller "$INSTDIR\Uninstall.exe"

  CreateShortCut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0 \
    SW_SHOWNORMAL "" "Self-review, partnerships and improvement plans for schools"

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE},0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\Uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\Uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" "$0"
SectionEnd

Section /o "Desktop shortcut" SecDesktop
  SetShellVarContext current
  CreateShortCut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0
SectionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecApp} "The program, with a shortcut in the Start menu."
  !insertmacro MUI_DESCRIPTION_TEXT ${SecDesktop} "A shortcut on your desktop as well."
!insertmacro MUI_FUNCTION_DESCRIPTION_END

; The uninstaller deletes only what the installer put there, by name, never the folder
; wholesale: even if someone installed into a folder holding other files, those survive.
; It never touches ${DATA_FOLDER}.
Section "Uninstall"
  SetShellVarContext current
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$DESKTOP\${APP_NAME}.lnk"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\PartnershipCompass-cli.exe"
  Delete "$INSTDIR\Uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
SectionEnd
