{{- define "bench.name" -}}
{{- printf "%s-%s" .root.Release.Name .svc.name | trunc 63 | trimSuffix "-" | lower -}}
{{- end -}}
{{- define "bench.labels" -}}
app.kubernetes.io/name: {{ .svc.name | quote }}
app.kubernetes.io/instance: {{ .root.Release.Name | quote }}
app.kubernetes.io/version: {{ .root.Chart.AppVersion | quote }}
helm.sh/chart: {{ printf "%s-%s" .root.Chart.Name .root.Chart.Version | replace "+" "_" }}
{{- range $k, $v := .svc.labels }}
{{ $k }}: {{ $v | toString | quote }}
{{- end }}
{{- end -}}
{{- define "bench.env" -}}
{{- range $i, $e := .svc.env }}
- name: {{ $e.name | upper | replace "-" "_" }}
  value: {{ tpl $e.value $.root | quote }}
{{- end }}
{{- end -}}
