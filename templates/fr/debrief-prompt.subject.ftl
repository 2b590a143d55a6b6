<#assign c = contact!{}>
<#assign cname = (c.name!"")?has_content?then(c.name, c.email!"votre contact")>
Comment s'est passé votre échange avec ${cname} ? Répondez avec quelques notes
