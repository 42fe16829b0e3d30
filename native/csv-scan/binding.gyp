{
  "targets": [
    {
      "target_name": "innsyn_csv_scan",
      "sources": ["src/csv_scan.c"],
      "cflags": ["-O2", "-std=c11", "-Wall", "-Wextra"],
      "xcode_settings": { "OTHER_CFLAGS": ["-O2", "-std=c11"] },
      "defines": ["NAPI_VERSION=8"]
    }
  ]
}
