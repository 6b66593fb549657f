/** Jakarta Mail set-up shared by the MIME readers ({@code bounce.mime}, {@code content}); no transport. */
package org.maildoctor.mime;
