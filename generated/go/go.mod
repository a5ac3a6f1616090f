module github.com/smtp-codes/smtp-codes/generated/go

go 1.19
