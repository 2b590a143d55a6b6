<#assign kp = keepPosted!{}>
<#if (kp.number!1) lte 1>Des nouvelles depuis notre échange<#else>Je vous tiens au courant : où en sont mes recherches</#if>
