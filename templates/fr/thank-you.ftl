<#-- Brouillon de remerciement au contact, texte brut (METHOD M7, M1). Les phrases viennent des notes
     (letter.*) ; les passages à compléter sont marqués [[ ... ]] et listés dans une première ligne ajoutée par rebond. -->
<#assign u = user!{}>
<#assign ltr = letter!{}>
<#assign written = ltr.written!false>
<#assign signature = (u.signature!"")?has_content?then(u.signature, (u.name!"")?has_content?then(u.name, "[[ votre nom ]]"))>
${ltr.greeting!"Bonjour,"}

Merci d'avoir pris le temps d'échanger avec moi ${ltr.day!"aujourd'hui"}<#if written> ; j'en ai beaucoup appris.<#else>. [[ une ou deux phrases sur ce qui vous a le plus marqué dans l'échange, adressées à cette personne ]]</#if>
<#if (ltr.learned![])?has_content>

${ltr.learned?join(" ")}
</#if>
<#if (ltr.leads![])?has_content>

${ltr.leads?join(" ")}
<#elseif !written>

[[ une piste proposée et ce que vous allez en faire ; supprimez ce paragraphe s'il n'y en a pas eu ]]
</#if>
<#if (ltr.names![])?has_content>

${ltr.names?join(" ")}
<#elseif !written>

[[ remerciez pour chaque nom donné et dites que vous allez prendre contact ; supprimez ce paragraphe s'il n'y en a pas eu ]]
</#if>
<#if (ltr.article!"")?has_content>

${ltr.article}
</#if>
<#if (ltr.nextSteps![])?has_content>

${ltr.nextSteps?join(" ")} Je vous tiendrai au courant.
<#else>

Je vous tiendrai au courant de la suite.
</#if>

${(ltr.formal!false)?then("Bien cordialement,", "Encore merci, et à bientôt,")}
${signature}
