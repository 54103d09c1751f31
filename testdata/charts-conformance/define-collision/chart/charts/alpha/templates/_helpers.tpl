{{- define "shared.name" -}}alpha-helper{{- end -}}
{{- define "alpha.own" -}}alpha-own{{- end -}}
{{- define "block.name" -}}alpha-block{{- end -}}
