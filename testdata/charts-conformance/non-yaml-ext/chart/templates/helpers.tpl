{{- define "exts.name" }}from-tpl{{ end -}}
apiVersion: v1
kind: ConfigMap
metadata:
  name: tpl-without-underscore
