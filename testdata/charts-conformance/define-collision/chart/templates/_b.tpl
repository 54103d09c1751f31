{{- define "file.order" -}}from _b.tpl{{- end -}}
