{{- define "tn.where" -}}
name={{ .Template.Name }} base={{ .Template.BasePath }}
{{- end -}}
