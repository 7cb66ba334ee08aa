// tenderbench-gui [FILE.tender] [--as ID]: the desktop workbench.
#include "app/gui/app.h"

wxIMPLEMENT_APP(gui::App);
