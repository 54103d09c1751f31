{{- define "shared.name" -}}parent-a{{- end -}}
{{- define "file.order" -}}from _a.tpl{{- end -}}
