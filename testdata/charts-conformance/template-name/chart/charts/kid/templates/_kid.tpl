{{- define "kid.where" -}}
kid-sees:{{ .Template.Name }}|{{ .Template.BasePath }}|{{ .Chart.Name }}
{{- end -}}
