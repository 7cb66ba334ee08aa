# Installs the build into a throw-away prefix and checks that both programs, the templates,
# the samples, the desktop entry, the icon and the guide are there, and that the installed CLI
# finds its installed templates.
file(REMOVE_RECURSE ${PREFIX})
execute_process(COMMAND ${CMAKE_COMMAND} --install ${BUILD} --prefix ${PREFIX} RESULT_VARIABLE result OUTPUT_QUIET)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "cmake --install failed (${result})")
endif()
foreach(file bin/tenderbench bin/tenderbench-gui share/tenderbench/templates/uk_central_pa2023.xml
             share/tenderbench/sample_tenders/community_meals/framework.xml
             share/applications/tenderbench.desktop share/icons/hicolor/scalable/apps/tenderbench.svg
             share/tenderbench/tenderbench.svg share/doc/tenderbench/gui.md share/doc/tenderbench/README.md
             share/mime/packages/tenderbench.xml)
  if(NOT EXISTS ${PREFIX}/${file})
    message(FATAL_ERROR "not installed: ${file}")
  endif()
endforeach()
file(READ ${PREFIX}/share/applications/tenderbench.desktop desktop)
if(NOT desktop MATCHES "Exec=tenderbench-gui" OR NOT desktop MATCHES "Icon=tenderbench")
  message(FATAL_ERROR "the desktop entry does not start tenderbench-gui with its icon")
endif()
# The installed CLI finds templates next to itself: a new workbook from a bare template name.
file(REMOVE ${PREFIX}/t.tender)
execute_process(COMMAND ${PREFIX}/bin/tenderbench new ${PREFIX}/t.tender --as of1 --template uk_central_pa2023
                        --name Test --reference T-1 --officer-name "Test Officer"
                RESULT_VARIABLE result OUTPUT_VARIABLE out ERROR_VARIABLE err)
if(NOT result EQUAL 0)
  message(FATAL_ERROR "the installed tenderbench could not use its installed templates: ${err}")
endif()
file(REMOVE_RECURSE ${PREFIX})
