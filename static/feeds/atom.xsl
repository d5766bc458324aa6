<?xml version="1.0" encoding="utf-8"?>
<!-- Shows an Atom feed (playbook/feeds.py) as a page when a browser opens it; feed
     readers ignore this. The entries' HTML is shown as text: a browser's XSLT cannot be
     trusted to sanitise it, and the section page (the feed's alternate) shows it as HTML. -->
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform" xmlns:atom="http://www.w3.org/2005/Atom" exclude-result-prefixes="atom">
  <xsl:output method="html" encoding="utf-8" doctype-system="about:legacy-compat"/>
  <xsl:template match="/atom:feed">
    <html lang="{@xml:lang}">
      <head>
        <meta charset="utf-8"/>
        <meta name="viewport" content="width=device-width, initial-scale=1"/>
        <title><xsl:value-of select="atom:title"/></title>
        <link rel="stylesheet" href="/static/css/site.css"/>
      </head>
      <body>
        <main class="wrap feed-preview">
          <p class="meta">Atom feed · <a href="{atom:link[@rel='alternate']/@href}">
            <xsl:value-of select="atom:link[@rel='alternate']/@href"/></a></p>
          <h1><xsl:value-of select="atom:title"/></h1>
          <p class="lead"><xsl:value-of select="atom:subtitle"/></p>
          <p>Copy this page's address into a feed reader to follow it. · 이 주소를 피드 리더에 넣으면 새 소식을 받아 볼 수 있습니다.</p>
          <ol class="feed-entries">
            <xsl:for-each select="atom:entry">
              <li>
                <h2><a href="{atom:link/@href}"><xsl:value-of select="atom:title"/></a></h2>
                <p class="meta"><xsl:value-of select="translate(substring(atom:published, 1, 16), 'T', ' ')"/>
                  <xsl:if test="atom:author/atom:name"> · <xsl:value-of select="atom:author/atom:name"/></xsl:if></p>
              </li>
            </xsl:for-each>
          </ol>
        </main>
      </body>
    </html>
  </xsl:template>
</xsl:stylesheet>
