{{- define "alpha.only" -}}only-in-alpha:{{ .Chart.Name }}{{- end -}}
