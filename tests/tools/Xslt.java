// Applies an XSL stylesheet to an XML file with the JDK's own XSLT processor and prints the
// result: the tests use it to see what a browser with XSLT shows for the Atom feed.
// Run as a source file (Java 11+): java tests/tools/Xslt.java STYLESHEET XML
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import java.io.File;

public class Xslt {
    public static void main(String[] args) throws Exception {
        var factory = TransformerFactory.newInstance();
        var transformer = factory.newTransformer(new StreamSource(new File(args[0])));
        transformer.transform(new StreamSource(new File(args[1])), new StreamResult(System.out));
    }
}
