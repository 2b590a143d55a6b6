Merci pour notre échange
