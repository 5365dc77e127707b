# Fails when a file of the headless core includes a wxWidgets header.
# Run at build time (see src/core/CMakeLists.txt) with -DDIR=<core source dir>.
file(GLOB_RECURSE core_files "${DIR}/*.hpp" "${DIR}/*.cpp" "${DIR}/*.h")
foreach(f IN LISTS core_files)
  file(STRINGS "${f}" hits REGEX "^[ \t]*#[ \t]*include[ \t]*[<\"]wx/")
  if(hits)
    message(FATAL_ERROR "${f} includes wxWidgets (${hits}); src/core must stay GUI-free")
  endif()
endforeach()
