{{- define "shared.name" -}}zeta-helper{{- end -}}
{{- define "zeta.own" -}}zeta-own{{- end -}}
{{- define "block.name" -}}zeta-block{{- end -}}
